import type { ZodType } from 'zod';
import { Day } from './dates';
import { TableKind } from './fields';
import type { Records } from './ledger';
import { Params } from './profile';
import { Table } from './reader';
import { Body, LedgerEvent, Person, Rec, TrainingRow } from './record';
import { FindingColour, Level, Text } from './types';

export type Category = 'D' | 'P' | 'A' | 'L' | 'X';

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
  /** the rule's own options: a profile sets them under rules.<ID>.options; the docs and the profile's checks read them here */
  options?: RuleOption[];
}

/** One option of a rule: its default, what it means, and the schema a profile's value must pass. */
export interface RuleOption {
  key: string;
  title: Text;
  default: unknown;
  schema: ZodType;
}

export interface Report {
  table: TableKind;
  rec?: Rec;
  /** the person (row of 执法人员) a finding on another sheet is about: it counts towards the person's colour and 问题说明 */
  person?: Person;
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
  people: Person[];
  agencies: Body[];
  /** the main person table; personTables lists every sheet of people */
  personTable: Table | null;
  personTables: Table[];
  agencyTable: Table | null;
  checkDate: Day;
  params: Params;
  /** the rows of sheet 执法主体 by compacted name (a person's row is person.body) */
  agencyByName: Map<string, Body>;
  /** certificate holders per compacted 执法主体 name */
  holders: Map<string, number>;
  /** findings reported so far (late rules read earlier ones) */
  findings: readonly Finding[];
  report(r: Report): void;
  /** the optional sheets 证件台账 and 培训记录 (docs/ledger.md): empty when the workbook has none */
  ledger: LedgerEvent[];
  training: TrainingRow[];
  /** the ledger and training rows by person; undefined when the workbook has neither sheet */
  records: Records | undefined;
  /** an option of the running rule (or of the rule named) as the profile sets it, else its default */
  option<T>(key: string, rule?: string): T;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** A message template split once into its text and its {placeholders}: even entries are text, odd ones names. */
const COMPILED = new Map<string, string[]>();
function compiled(template: string): string[] {
  let parts = COMPILED.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (COMPILED.size < 1024) COMPILED.set(template, parts);
  }
  return parts;
}

/** The template with each {name} replaced by data[name]; a name data lacks is left as it stands. */
export function fill(template: string, data: Record<string, string | number> = {}): string {
  return fillField(template, data, undefined);
}

/** fill, with {field} standing for the given column header whatever data holds. */
export function fillField(template: string, data: Record<string, string | number> | undefined, field: string | undefined): string {
  const parts = compiled(template);
  if (parts.length === 1) return template;
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    out += (field !== undefined && k === 'field' ? field : data !== undefined && k in data ? String(data[k]) : `{${k}}`) + parts[i + 1];
  }
  return out;
}

/** True when two data fill a template alike: the same value (or absence) for each of its {names}. */
export function sameFill(template: string, a: Record<string, string | number> | undefined, b: Record<string, string | number> | undefined): boolean {
  if (a === b) return true;
  const parts = compiled(template);
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    const inA = a !== undefined && k in a;
    if (inA !== (b !== undefined && k in b) || (inA && a![k] !== b![k])) return false;
  }
  return true;
}

/** How many other places a duplicate's message names; the rest are counted ("等 N 处", "and N more"). */
export const LISTED_PLACES = 5;

/**
 * Data for a message naming other places ({others}{more} in Chinese, {others}{moreEn} in English): the places
 * listed (at most LISTED_PLACES), and, when there are more, how many there are in all.
 */
export function placesData(listed: string[], total: number): { others: string; more: string; moreEn: string } {
  const rest = total - listed.length;
  return { others: listed.join('、'), more: rest > 0 ? `等 ${total} 处` : '', moreEn: rest > 0 ? ` and ${rest} more` : '' };
}

/** A row for a message: "5", naming the sheet where it is not the row's own ("「综合执法队」12"). */
export function rowPlace(self: Rec, other: Rec): string {
  return other.sheet === self.sheet ? String(other.row) : `「${other.sheet}」${other.row}`;
}

/** Other rows, for a message: "5、8", naming the sheet where it is not the row's own. */
export function otherRows(self: Rec, others: Rec[]): string {
  return others.map((o) => rowPlace(self, o)).join('、');
}

/** FNV-1a over a string's character codes: a prefilter's hash, not an identity. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}

/**
 * Groups of two or more records sharing a key (duplicate ID numbers, certificate numbers), in the order their
 * second member appears. Most keys are unique: in a large table a first pass counts keys by hash into a table of
 * slots (8 or more per key), and only keys whose slot was hit twice (repeats, and the odd collision) are looked
 * up by value.
 */
export function duplicateGroups<T>(items: T[], key: (t: T) => string | undefined): T[][] {
  const n = items.length;
  const keys = new Array<string | undefined>(n);
  for (let i = 0; i < n; i++) keys[i] = key(items[i]);
  let candidate: (i: number) => boolean = () => true;
  if (n >= 1024) {
    let slots = 1024;
    while (slots < 8 * n && slots < 2 ** 22) slots *= 2;
    const hits = new Uint8Array(slots);
    const slot = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      if (!k) continue;
      const h = hash(k) & (slots - 1);
      slot[i] = h;
      if (hits[h] < 2) hits[h]++;
    }
    candidate = (i) => hits[slot[i]] > 1;
  }
  // hold the first item alone and make a list only on a repeat
  const seen = new Map<string, T | T[]>();
  const groups: T[][] = [];
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (!k || !candidate(i)) continue;
    const t = items[i];
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

/**
 * For each member of a duplicate group, the first LISTED_PLACES other members (in group order) that are not
 * the same person, and how many there are in all. Linear in the group: each member's "same person" is keyed
 * once, and a member is looked for only among the first LISTED_PLACES of each person, so a member skips at most
 * LISTED_PLACES of its own person's rows before it has its list.
 */
export function othersInGroup<T>(group: T[], same: (t: T) => string, visit: (t: T, listed: T[], total: number) => void): void {
  const keys = group.map(same);
  const count = new Map<string, number>();
  const firsts: number[] = [];
  for (let i = 0; i < group.length; i++) {
    const n = (count.get(keys[i]) ?? 0) + 1;
    count.set(keys[i], n);
    if (n <= LISTED_PLACES) firsts.push(i);
  }
  // most members of a large group name the same few others: the same list is handed on, so that callers can
  // reuse what they made of it (the same array means the same members)
  let previous: T[] = [];
  for (let i = 0; i < group.length; i++) {
    previous = othersOf(group, keys, firsts, i, previous);
    visit(group[i], previous, group.length - count.get(keys[i])!);
  }
}

/** The first LISTED_PLACES members among firsts that are not member i's person; the previous list if the same. */
function othersOf<T>(group: T[], keys: string[], firsts: number[], i: number, previous: T[]): T[] {
  let n = 0;
  let same = true;
  for (let j = 0; j < firsts.length && n < LISTED_PLACES; j++) {
    if (keys[firsts[j]] === keys[i]) continue;
    if (previous[n] !== group[firsts[j]]) same = false;
    n++;
  }
  if (same && n === previous.length) return previous;
  const listed: T[] = [];
  for (let j = 0; j < firsts.length && listed.length < LISTED_PLACES; j++) {
    if (keys[firsts[j]] !== keys[i]) listed.push(group[firsts[j]]);
  }
  return listed;
}

/**
 * Run a rule's check on every person. Rules check one person at a time through this one loop: the loop and each
 * rule's check are small functions the JIT optimises once and keeps for every later check, where a loop in each
 * rule, entered once per check, would be compiled again and again.
 */
export function eachPerson(ctx: RuleContext, check: (p: Person, ctx: RuleContext) => void): void {
  const people = ctx.people;
  for (let i = 0; i < people.length; i++) check(people[i], ctx);
}
