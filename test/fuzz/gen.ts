import fc from 'fast-check';
import { colLetter } from '../../src/core/a1';
import { AGENCY_FIELDS, PERSON_FIELDS } from '../../src/core/fields';
import { Cell, RawBook, RawSheet } from './book';

/**
 * Random workbooks: a roster with the expected headers somewhere (so that check writes a copy), bodies
 * and people with good and bad values, other sheets of noise, awkward legal sheet names, merged areas,
 * styles, widths, shared or inline strings, a true, missing or lying <dimension>.
 */
const CJK = [...'张王李赵刘陈杨黄周吴柞水县乾佑街道城管局执法主体人员证件正常是否在岗行政编制劳务派遣（）、：'];
const AWKWARD = [...'"\'[] &<>#!-_.（）【】'];

const cjkText = fc.array(fc.constantFrom(...CJK), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const idLike = fc.tuple(fc.constantFrom('611026', '610102', '110101'), fc.integer({ min: 19500101, max: 20101231 }), fc.integer({ min: 0, max: 999 }), fc.constantFrom('0', '1', '5', 'X', 'x'))
  .map(([a, b, c, d]) => `${a}${b}${String(c).padStart(3, '0')}${d}`);
const oddText = fc.constantFrom(' 前后空格 ', '两行\n文字', 'A&B<C>"D"\'E', '_x0041_', '=SUM(A1)', '0012', '1e5', '', '　', '\t制表');

export const cellValue: fc.Arbitrary<Cell> = fc.oneof(
  { arbitrary: cjkText, weight: 4 },
  { arbitrary: idLike, weight: 2 },
  { arbitrary: fc.integer({ min: -1000, max: 100000 }), weight: 2 },
  { arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), weight: 1 },
  { arbitrary: fc.integer({ min: 18000, max: 60000 }), weight: 2 }, // dates as serials
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: oddText, weight: 1 },
  { arbitrary: fc.constant(null), weight: 4 },
);

/** A legal sheet name: 1–31 characters, not starting or ending with an apostrophe, no : \ / ? * (Excel's rule). */
export const sheetName = fc.array(fc.oneof({ arbitrary: fc.constantFrom(...CJK), weight: 3 }, { arbitrary: fc.constantFrom(...AWKWARD), weight: 2 }, { arbitrary: fc.constantFrom(...'AbcXyz0129'), weight: 1 }), { minLength: 1, maxLength: 31 })
  .map((a) => a.join('').replace(/^'+|'+$/g, '').trim())
  .filter((s) => s.length > 0 && !/^(校验结果|汇总|_证件清理_标记|History)$/i.test(s));

/** Values a person's field may take: mostly right, sometimes wrong. */
function fieldValue(key: string, type: string, list?: readonly string[]): fc.Arbitrary<Cell> {
  const right: fc.Arbitrary<Cell> =
    type === 'id' ? idLike
      : type === 'date' ? fc.integer({ min: 36000, max: 50000 })
        : type === 'yesno' ? fc.constantFrom('是', '否')
          : type === 'int' || type === 'hours' ? fc.integer({ min: 0, max: 120 })
            : list?.length ? fc.constantFrom(...list)
              : key === 'seq' ? fc.integer({ min: 1, max: 999 }) : cjkText;
  return fc.oneof({ arbitrary: right, weight: 6 }, { arbitrary: cellValue, weight: 1 });
}

function table(fields: typeof PERSON_FIELDS, maxRows: number): fc.Arbitrary<Cell[][]> {
  const row = fc.tuple(...fields.map((f) => fieldValue(f.key, f.type, f.list)));
  return fc.array(row, { maxLength: maxRows });
}

const sheetOpts = fc.record({
  dimension: fc.oneof(fc.constant(true), fc.constant(undefined), fc.constantFrom('A1', 'A1:C3', 'B2:Z30')),
  shared: fc.boolean(),
  style: fc.constantFrom(0, 1, 2),
  widths: fc.option(fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 8 }), { nil: undefined }),
});

/** A sheet of people or bodies: a title row (merged or not), the headers at some row and column, the rows. */
function rosterSheet(kind: 'person' | 'agency', maxRows: number): fc.Arbitrary<RawSheet> {
  const fields = kind === 'person' ? PERSON_FIELDS : AGENCY_FIELDS;
  return fc.record({
    name: sheetName, top: fc.integer({ min: 0, max: 3 }), left: fc.integer({ min: 1, max: 3 }), title: fc.boolean(),
    body: table(fields, maxRows), opts: sheetOpts, farCell: fc.option(fc.constantFrom(16384, 100, 27), { nil: undefined }),
  }).map(({ name, top, left, title, body, opts, farCell }) => {
    const headerRow = top + 1;
    const rows: RawSheet['rows'] = [];
    const merges: string[] = [];
    if (title && top > 0) {
      rows.push({ r: 1, col0: left, cells: ['行政执法证件专项清理工作摸排统计表'] });
      merges.push(`${colLetter(left)}1:${colLetter(left + fields.length - 1)}1`);
    }
    rows.push({ r: headerRow, col0: left, cells: fields.map((f) => f.header) });
    body.forEach((cells, i) => rows.push({ r: headerRow + 1 + i, col0: left, cells }));
    if (farCell) rows.push({ r: headerRow + body.length + 2, col0: farCell, cells: ['备注'] });
    return { name, rows, merges, ...opts };
  });
}

/** A sheet of random cells and merged areas. */
const noiseSheet: fc.Arbitrary<RawSheet> = fc.record({
  name: sheetName,
  cells: fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 30 }), cellValue), { maxLength: 80 }),
  merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 4 }),
  opts: sheetOpts, hidden: fc.boolean(),
}).map(({ name, cells, merges, opts, hidden }) => {
  const byRow = new Map<number, Map<number, Cell>>();
  for (const [r, c, v] of cells) {
    if (!byRow.has(r)) byRow.set(r, new Map());
    byRow.get(r)!.set(c, v);
  }
  const rows = [...byRow].map(([r, m]) => {
    const max = Math.max(...m.keys());
    return { r, col0: 1, cells: Array.from({ length: max }, (_, k) => m.get(k + 1) ?? null) };
  });
  return { name, rows, merges: merges.map(([r, c, h, w]) => `${colLetter(c)}${r}:${colLetter(c + w)}${r + h}`), hidden, ...opts };
});

/** A whole workbook; sheet names made unique as Excel requires (case-insensitively). */
export function book(maxRows = 30): fc.Arbitrary<RawBook> {
  return fc.record({
    person: rosterSheet('person', maxRows),
    agency: fc.option(rosterSheet('agency', 4), { nil: undefined }),
    noise: fc.array(noiseSheet, { maxLength: 2 }),
    order: fc.integer({ min: 0, max: 3 }),
    noStyles: fc.boolean(),
    names: fc.boolean(),
  }).map(({ person, agency, noise, order, noStyles, names }) => {
    const sheets = [person, ...(agency ? [agency] : []), ...noise];
    const seen = new Set<string>();
    for (const s of sheets) {
      let n = s.name;
      for (let k = 2; seen.has(n.toLowerCase()); k++) n = `${s.name.slice(0, 28)}${k}`;
      seen.add(n.toLowerCase());
      s.name = n;
    }
    const rotated = [...sheets.slice(order % sheets.length), ...sheets.slice(0, order % sheets.length)];
    if (rotated.every((s) => s.hidden)) rotated[0].hidden = false;
    const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
    return {
      sheets: rotated, noStyles,
      names: names ? [{ name: '_xlnm.Print_Area', local: 0, formula: `${q(rotated[0].name)}!$A$1:$C$9` }, { name: '名单', formula: `${q(person.name)}!$A:$B` }] : undefined,
    };
  });
}
