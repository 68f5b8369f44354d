import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import ts from 'typescript';
import {
  adapterFiles, auditExcelApi, AuditResult, DOC, excelApiDoc, formatViolation, REGENERATE, restrict, typingsVersion,
} from '../../scripts/excel-api-audit';

const root = path.join(__dirname, '..', '..');
const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
const FIXTURES = path.join(root, 'test', 'fixtures', 'audit');

/**
 * Each fixture line ending in `// ✗ <tag>` and the violation expected there. Every other line of the
 * fixtures must report none: so each guard form is shown honoured, and each unguarded form caught.
 */
const EXPECTED: Record<string, Record<string, string>> = {
  'notes.ts': {
    unguarded: 'NoteCollection.add needs ExcelApi 1.18, guarded at 1.1',
    'full-mode': 'NoteCollection.add needs ExcelApi 1.18, guarded at 1.9',
    'else-branch': 'NoteCollection.add needs ExcelApi 1.18, guarded at 1.1',
    'before-return': 'NoteCollection.add needs ExcelApi 1.18, guarded at 1.1',
    'when-false': 'NoteCollection.add needs ExcelApi 1.18, guarded at 1.1',
    'comments-not-notes': 'NoteCollection.add needs ExcelApi 1.18, guarded at 1.10',
    'not-capabilities': 'NoteCollection.add needs ExcelApi 1.18, guarded at 1.1',
    'note-delete': 'Note.delete needs ExcelApi 1.18, guarded at 1.10',
  },
  'visibility.ts': {
    'set-unguarded': 'Worksheet.visibility needs ExcelApi 1.2, guarded at 1.1',
  },
  'params.ts': {
    'values-only': 'Worksheet.getUsedRange needs ExcelApi 1.2, guarded at 1.1',
  },
  'load.ts': {
    'load-column-width': 'RangeFormat.columnWidth needs ExcelApi 1.2, guarded at 1.1',
    'load-path': 'RangeFormat.columnWidth needs ExcelApi 1.2, guarded at 1.1',
    'load-items': 'Worksheet.tabId needs ExcelApi 1.14, guarded at 1.1',
  },
  'helper.ts': {
    'helper-unguarded': 'helper.commentIds needs ExcelApi 1.10, guarded at 1.1',
    'untagged-body': 'Workbook.comments needs ExcelApi 1.10, guarded at 1.1',
  },
  'office.ts': {},
};

describe('the Excel API member audit', () => {
  const adapter = adapterFiles(root);
  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.ts')).sort().map((f) => path.join(FIXTURES, f));
  let all: AuditResult;
  let ms = 0;
  beforeAll(() => {
    // one program for the adapter and the fixtures
    const t0 = Date.now();
    all = auditExcelApi([...adapter, ...fixtures], { root });
    ms = Date.now() - t0;
  });

  it('finds no use of a member above its guard in the adapter', () => {
    const violations = restrict(all, adapter.map(rel)).violations.map(formatViolation);
    expect(violations).toEqual([]);
  });

  it('has docs/excel-api.md current', () => {
    const current = readFileSync(DOC(root), 'utf8') === excelApiDoc(restrict(all, adapter.map(rel)), typingsVersion(root));
    expect({ current, regenerate: REGENERATE }).toEqual({ current: true, regenerate: REGENERATE });
  });

  it('runs fast: one program for all files', () => {
    expect(all.ms).toBeLessThan(20_000);
    expect(ms).toBeLessThan(20_000);
  });

  describe('on the fixtures', () => {
    let fx: AuditResult;
    beforeAll(() => {
      fx = restrict(all, fixtures.map(rel));
    });

    it('typecheck against @types/office-js', () => {
      const diags = fixtures.flatMap((f) => ts.getPreEmitDiagnostics(all.program, all.program.getSourceFile(f)));
      expect(diags.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
    });

    it('reports each violation marked in them exactly, and nothing more', () => {
      const expected: string[] = [];
      for (const f of fixtures) {
        const name = path.basename(f);
        const tags = EXPECTED[name];
        expect({ fixture: name, listed: tags !== undefined }).toEqual({ fixture: name, listed: true });
        const marked: string[] = [];
        readFileSync(f, 'utf8').split('\n').forEach((text, i) => {
          const m = /\/\/ ✗ (\S+)\s*$/.exec(text);
          if (!m) return;
          marked.push(m[1]);
          expect({ fixture: name, tag: m[1], known: m[1] in tags }).toEqual({ fixture: name, tag: m[1], known: true });
          expected.push(`${rel(f)}:${i + 1} ${tags[m[1]]}`);
        });
        expect(marked.sort()).toEqual(Object.keys(tags).sort());
      }
      expect(fx.violations.map(formatViolation).sort()).toEqual(expected.sort());
      expect(fx.notes).toEqual([]);
    });

    const guardOf = (file: string, member: string, line: RegExp) => {
      const f = path.join(FIXTURES, file);
      const n = readFileSync(f, 'utf8').split('\n').findIndex((t) => line.test(t)) + 1;
      return fx.uses.filter((u) => u.file === rel(f) && u.line === n && `${u.className}.${u.member}` === member).map((u) => u.guard);
    };

    it('reads each guard form at its set', () => {
      expect(guardOf('notes.ts', 'NoteCollection.add', /if \(caps\.notes\) notes\.add/)).toEqual(['1.18']);
      expect(guardOf('notes.ts', 'NoteCollection.add', /if \(caps\.mode === 'full'\)/)).toEqual(['1.9']);
      expect(guardOf('notes.ts', 'NoteCollection.add', /jobs\.push\(\(\) =>/)).toEqual(['1.18']);
      expect(guardOf('notes.ts', 'NoteCollection.add', /input\.caps\.notes/)).toEqual(['1.18']);
      expect(guardOf('notes.ts', 'NoteCollection.add', /!caps\.notes \|\|/)).toEqual(['1.18']);
      expect(guardOf('helper.ts', 'Workbook.comments', /const comments =/)).toEqual(['1.10']);
      expect(guardOf('helper.ts', 'helper.commentIds', /caps\.comments \? commentIds/)).toEqual(['1.10']);
      expect(guardOf('visibility.ts', 'Worksheet.visibility', /return ws\.visibility/)).toEqual(['1.1']);
      expect(fx.uses.filter((u) => u.load && u.file.endsWith('load.ts')).map((u) => `${u.className}.${u.member}`)).toEqual([
        'RangeFormat.columnWidth', 'RangeFormat.columnWidth',
        'Range.values', 'Range.format', 'RangeFormat.columnWidth',
        'WorksheetCollection.items', 'Worksheet.name', 'Worksheet.visibility',
        'WorksheetCollection.items', 'Worksheet.tabId',
      ]);
    });

    it('lists Office common API uses with their requirement set, without enforcing them', () => {
      const office = fx.office.filter((u) => u.file.endsWith('office.ts')).map((u) => `${u.className}.${u.member} ${u.kind} ${u.set ?? '-'}`);
      expect(office).toEqual(expect.arrayContaining(['Office.UI.displayDialogAsync call DialogApi, Mailbox 1.4', 'Office.Settings.get call Settings']));
      expect(fx.violations.filter((u) => u.file.endsWith('office.ts'))).toEqual([]);
    });
  });
});
