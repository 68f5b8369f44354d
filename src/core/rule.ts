import { Day } from './dates';
import { TableKind } from './fields';
import { Params } from './profile';
import { Table } from './reader';
import { Rec } from './record';
import { FindingColour, Level, Text } from './types';

export type Category = 'D' | 'P' | 'A' | 'X';

export interface RuleMeta {
  id: string;
  category: Category;
  title: Text;
  /** D rules: the level of every finding. P/A rules take their level from their colour. */
  level?: Level;
  /** P/A/X rules: the default colour; variants name a second outcome with its own colour */
  colour?: FindingColour;
  variants?: Record<string, FindingColour>;
  action: Text;
  source: Text;
  /** message templates by id, with {placeholders} */
  messages: Record<string, Text>;
  /** runs after the others, reading their findings (P15 reads A findings) */
  late?: boolean;
}

export interface Report {
  table: TableKind;
  rec?: Rec;
  /** field key; a finding without one points at the row's name (person) or whole row */
  field?: string;
  /** explicit location, for findings on a header: the table (default: the record's, else the main one) */
  at?: Table;
  row?: number;
  col?: number;
  messageId: string;
  data?: Record<string, string | number>;
  variant?: string;
}

export interface Finding {
  rule: string;
  messageId: string;
  level: Level;
  colour: FindingColour | null;
  table: TableKind;
  sheet: string;
  row: number;
  col: number;
  /** canonical header of the column */
  column: string;
  cell: string;
  name: string;
  message: string;
  messageEn: string;
  action: string;
  actionEn: string;
}

export interface RuleContext {
  people: Rec[];
  agencies: Rec[];
  /** the main person table; personTables lists every sheet of people */
  personTable: Table | null;
  personTables: Table[];
  agencyTable: Table | null;
  checkDate: Day;
  params: Params;
  agencyByName: Map<string, Rec>;
  /** the row of sheet 执法主体 a person's 执法主体 names, if any */
  bodyOf(p: Rec): Rec | undefined;
  /** certificate holders per compacted 执法主体 name */
  holders: Map<string, number>;
  /** findings reported so far (late rules read earlier ones) */
  findings: readonly Finding[];
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export function fill(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k) => (k in data ? String(data[k]) : `{${k}}`));
}

/** Other rows, for a message: "5、8", naming the sheet where it is not the row's own ("「综合执法队」12"). */
export function otherRows(self: Rec, others: Rec[]): string {
  return others.map((o) => (o.sheet === self.sheet ? String(o.row) : `「${o.sheet}」${o.row}`)).join('、');
}

/** Groups of two or more records sharing a key (duplicate ID numbers, certificate numbers). */
export function duplicateGroups<T>(items: T[], key: (t: T) => string | undefined): T[][] {
  // most keys are unique: hold the first item alone and make a list only on a repeat
  const seen = new Map<string, T | T[]>();
  const groups: T[][] = [];
  for (const t of items) {
    const k = key(t);
    if (!k) continue;
    const prev = seen.get(k);
    if (prev === undefined) seen.set(k, t);
    else if (Array.isArray(prev)) prev.push(t);
    else {
      const g = [prev, t];
      seen.set(k, g);
      groups.push(g);
    }
  }
  return groups;
}
