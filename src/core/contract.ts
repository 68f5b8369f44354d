import { isoFromDay } from './dates';
import { CheckResult, FileStatus } from './engine';
import { maskIdsIn } from './idnumber';
import { Profile } from './profile';
import { SummaryRow, totalOf } from './summary';
import { Day } from './dates';
import { Finding } from './rule';

/** The CLI's --json contract of outputs.md. Keys and their order are part of the contract. */
export interface FileEntry {
  file: string;
  unit: string;
  status: FileStatus;
  message: string;
}

type Colourish = 'red' | 'yellow' | 'green' | 'none';
type SumOut = { unit: string; agency?: string; people: number; holders: number; red: number; yellow: number; green: number };

export interface JsonReport {
  checkDate: string;
  profile: { name: string; version: string };
  /** whether ID numbers in the messages are masked (the default) or whole (the user asked for them) */
  idNumbers: 'masked' | 'full';
  files: FileEntry[];
  people: { file: string; sheet: string; row: number; name: string; unit: string; agency: string; colour: Colourish; rules: string[] }[];
  agencies: { file: string; sheet: string; row: number; name: string; colour: 'red' | 'yellow' | 'green'; rules: string[] }[];
  findings: {
    rule: string; level: 'error' | 'warning' | 'info'; colour: 'red' | 'yellow' | null;
    file: string; sheet: string; row: number; column: string; cell: string; message: string;
  }[];
  summary: { rows: SumOut[]; total: SumOut };
}

function sumOut(r: SummaryRow, withAgency: boolean): SumOut {
  const counts = { people: r.people, holders: r.holders, red: r.red, yellow: r.yellow, green: r.green };
  return withAgency ? { unit: r.unit, agency: r.agency ?? '', ...counts } : { unit: r.unit, ...counts };
}

export function jsonReport(
  checkDate: Day,
  profile: Profile,
  files: FileEntry[],
  results: CheckResult[],
  summaryRows: SummaryRow[],
  opts: { byAgency: boolean; maskIds?: boolean; extraFindings?: (Finding & { file: string })[] },
): JsonReport {
  // an export leaves the machine's workbook behind: whole IDs only when asked for (maskIds: false)
  const masked = opts.maskIds !== false;
  const mask = (s: string) => (masked ? maskIdsIn(s) : s);
  return {
    checkDate: isoFromDay(checkDate),
    profile: { name: profile.name, version: profile.version },
    idNumbers: masked ? 'masked' : 'full',
    files: files.map((f) => ({ ...f, message: mask(f.message) })),
    people: results.flatMap((r) => r.people.map((p) => ({
      file: r.file, sheet: p.sheet, row: p.row, name: p.name, unit: p.unit, agency: p.agency, colour: p.colour, rules: p.rules,
    }))),
    agencies: results.flatMap((r) => r.agencies.map((a) => ({
      file: r.file, sheet: a.sheet, row: a.row, name: a.name, colour: a.colour, rules: a.rules,
    }))),
    findings: [...results.flatMap((r) => r.findings.map((f) => ({ ...f, file: r.file }))), ...(opts.extraFindings ?? [])].map((f) => ({
      rule: f.rule, level: f.level, colour: f.colour, file: f.file, sheet: f.sheet, row: f.row, column: f.column, cell: f.cell,
      message: mask(f.message),
    })),
    summary: { rows: summaryRows.map((s) => sumOut(s, opts.byAgency)), total: sumOut(totalOf(summaryRows), false) },
  };
}

/**
 * For check and merge alike (outputs.md): 0 no error-level finding and no 红 certificate; 1 findings (`extra`:
 * the merge's cross findings); 2 an input could not be used, the others processed all the same.
 */
export function exitStatus(files: FileEntry[], results: CheckResult[], extra: Finding[] = []): 0 | 1 | 2 {
  if (files.some((f) => f.status !== 'ok')) return 2;
  const bad = extra.some((f) => f.level === 'error') || results.some((r) => r.findings.some((f) => f.level === 'error') || r.people.some((p) => p.colour === 'red'));
  return bad ? 1 : 0;
}
