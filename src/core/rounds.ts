import { Campaign } from './campaign';
import { FileCheck } from './cross/context';
import { Verdict, SheetGrid, CellValue } from './types';
import { maskId } from './idnumber';
import { OutCell, OutSheet, Style, VERDICT_ZH } from './plan';
import { sha256Hex } from './sha256';
import { fitCell } from './text';
import { cleanUnitName, unitKey } from './unit-name';

/**
 * Rounds of the campaign: the county merges the first submissions, the units fix their problems in 自查自纠
 * (notice 二, 第二阶段) and send again, and the county compares. The county's workbook carries what the next
 * round needs in a very hidden, versioned sheet (ROUND_SHEET): per person a key, the colour and the rule IDs.
 *
 * The key is SHA-256 of the campaign's salt (the notice's number and the county's name, campaign.ts) and the ID
 * number, upper-cased, cut to 32 hex digits: the ID never stands in the sheet in clear, and a key means nothing
 * in another county's or campaign's workbooks. It is not a secret: with the salt, which is no secret either, an ID
 * can be found by trying the few million numbers of a county's birth dates. It keeps the ID out of sight, as
 * masking does, not away from someone set on finding it. A person without a usable ID is keyed by unit and name.
 */
export const ROUND_SHEET = '_证件清理_轮次';
export const ROUND_MAGIC = 'cert-sweep-rounds';
export const ROUND_VERSION = 1;

export interface RoundPerson {
  unitKey: string;
  unit: string;
  key: string;
  name: string;
  /** the ID number masked (for naming a person who left the roster) */
  id: string;
  colour: Verdict;
  rules: string[];
}

export interface Round {
  version: number;
  salt: string;
  checkDate: string;
  generatedAt: string;
  people: RoundPerson[];
}

/**
 * 12 hex digits (48 bits): keys are compared within a unit, where two of 2,000 people share one with a chance of
 * about 7 in a billion; longer keys would only make the workbook bigger (they do not compress).
 */
const KEY_LENGTH = 12;

export const roundSalt = (c: Pick<Campaign, 'name' | 'county'>) => `${c.name}|${c.county}`;

/** SHA-256 as hex: the core's own, or the host's native one (Node's crypto, 3× faster on a county's 300,000 keys) */
export type Sha256 = (text: string) => string;

export function personKey(salt: string, unit: string, name: string, idNumber: string, hash: Sha256 = sha256Hex): string {
  const id = idNumber.trim().toUpperCase();
  return id.length >= 15 ? hash(`${salt}\u0000${id}`).slice(0, KEY_LENGTH) : `n${hash(`${salt}\u0000${unitKey(unit)}\u0000${name.trim()}`).slice(0, KEY_LENGTH - 1)}`;
}

/**
 * This round's people, keyed, from the merge's checks, made one at a time (a county may have 300,000). `keys`:
 * a file's keys made before (fileKeys, where the unit was checked), when it has them.
 */
export function* roundPeople(files: FileCheck[], salt: string, hash: Sha256 = sha256Hex, keys?: (f: FileCheck) => string[] | undefined): Generator<RoundPerson> {
  for (const f of files) {
    const unit = cleanUnitName(f.result?.unit ?? '');
    const key = unitKey(unit);
    const made = keys?.(f);
    const people = f.result?.people ?? [];
    for (let i = 0; i < people.length; i++) {
      const p = people[i];
      yield { unitKey: key || unitKey(p.unit), unit: unit || cleanUnitName(p.unit), key: made?.[i] ?? personKey(salt, unit || p.unit, p.name, p.idNumber, hash), name: p.name, id: maskId(p.idNumber), colour: p.colour, rules: p.rules };
    }
  }
}

/** The keys roundPeople gives a file's people, in order: made where the unit is checked (the merge's workers). */
export function fileKeys(f: FileCheck, salt: string, hash: Sha256 = sha256Hex): string[] {
  const unit = cleanUnitName(f.result?.unit ?? '');
  return (f.result?.people ?? []).map((p) => personKey(salt, unit || p.unit, p.name, p.idNumber, hash));
}

/** This round, whole, for comparing with the last. */
export function roundOf(files: FileCheck[], salt: string, checkDate: string, generatedAt: string): Round {
  return { version: ROUND_VERSION, salt, checkDate, generatedAt, people: [...roundPeople(files, salt)] };
}

/**
 * The sheet holds a row per unit (more rows for a large one, PER_ROW people each), its people packed in one cell:
 * `key,colour,rules,name,id;…` (colour r/y/g/n, rules joined by '.', the ID masked): a county's 300,000 people
 * cost a few thousand rows, not 300,000 rows of seven cells.
 */
const ROUND_HEAD = ['单位键', '单位', '人数', '人员（人员键,结论,规则,姓名,身份证号码（脱敏）；以分号分隔）'];
const PER_ROW = 400;
const COLOUR_CODE: Record<Verdict, string> = { red: 'r', yellow: 'y', green: 'g', none: 'n' };
const CODE_COLOUR: Record<string, Verdict> = { r: 'red', y: 'yellow', g: 'green', n: 'none' };
const safe = (s: string) => s.replace(/[,;\r\n]/g, ' ');

/** The hidden sheet: magic and version, the salt's text, dates; then each unit's people, packed (made as it is written). */
export function roundSheet(r: Omit<Round, 'people'>, count: number, people: () => Iterable<RoundPerson>): OutSheet {
  return {
    name: ROUND_SHEET, headerRow: 3, freezeRows: 0, landscape: false, merges: [], widths: [],
    rows: [
      [{ v: ROUND_MAGIC }, { v: r.version }, { v: r.salt }, { v: r.checkDate }, { v: r.generatedAt }],
      [{ v: '执法证件清理助手：下一轮“整改情况”对比所需的数据（人员键为身份证号码加盐后的 SHA-256 前 12 位，不含完整身份证号码），请勿修改。' }],
      ROUND_HEAD.map((h) => ({ v: h })),
    ],
    moreCount: Math.ceil(count / PER_ROW) + 1,
    more: function* () {
      let unit: { key: string; name: string } | undefined;
      let packed: string[] = [];
      const row = () => [{ v: unit!.key }, { v: fitCell(unit!.name) }, { v: packed.length }, { v: packed.join(';') }];
      for (const p of people()) {
        if (unit && (unit.key !== p.unitKey || packed.length >= PER_ROW)) {
          yield row();
          packed = [];
        }
        unit = { key: p.unitKey, name: p.unit };
        packed.push(`${p.key},${COLOUR_CODE[p.colour]},${p.rules.join('.')},${safe(p.name)},${p.id}`);
      }
      if (unit && packed.length) yield row();
    },
  };
}

const text = (v: CellValue | undefined) => (v === null || v === undefined ? '' : typeof v === 'object' ? '' : String(v));

/**
 * The round a county workbook carries, or a Chinese message saying what is wrong and what to do: not our
 * county workbook, from before rounds were kept, from a newer version of the tool, or from another campaign.
 */
export function readRound(sheets: SheetGrid[], file: string, salt: string): Round | { error: string } {
  const s = sheets.find((x) => x.name === ROUND_SHEET);
  if (!s) return { error: `「${file}」中没有上一轮的对比数据：它不是本工具写出的县汇总工作簿，或是旧版本写出的。请选用上一轮合并时写出的县汇总工作簿（命令行 --previous，或面板“上一轮县汇总”）；本轮照常汇总，不生成“整改情况”。` };
  const top = s.top ?? 0;
  const left = s.left ?? 0;
  const at = (r: number, c: number) => text(s.rows[r - 1 - top]?.[c - 1 - left]);
  const broken = { error: `「${file}」的隐藏工作表「${ROUND_SHEET}」已被改动，读不出上一轮的数据。请使用上一轮原样保存的县汇总工作簿。` };
  if (at(1, 1) !== ROUND_MAGIC) return broken;
  const version = Number(at(1, 2));
  if (!(version >= 1)) return broken;
  if (version > ROUND_VERSION) return { error: `「${file}」由更新版本的执法证件清理助手写出（对比数据第 ${version} 版，本版本只认第 ${ROUND_VERSION} 版）。请升级本工具后再对比。` };
  if (at(1, 3) !== salt) return { error: `「${file}」属于另一次专项清理或另一个县（${at(1, 3) || '未注明'}），与本轮（${salt}）的人员键不能对比。请检查所选的上一轮县汇总，以及规则配置中的 campaign.name、campaign.county。` };
  const people: RoundPerson[] = [];
  for (let r = 4; r <= s.rows.length + top; r++) {
    const packed = at(r, 4);
    if (!packed) continue;
    const unitKey = at(r, 1);
    const unit = at(r, 2);
    const list = packed.split(';');
    if (Number(at(r, 3)) !== list.length) return broken;
    for (const one of list) {
      const [key, code, rules, name, id] = one.split(',');
      if (!key || !(code in CODE_COLOUR)) return broken;
      people.push({ unitKey, unit, key, name: name ?? '', id: id ?? '', colour: CODE_COLOUR[code], rules: (rules ?? '').split('.').filter(Boolean) });
    }
  }
  return { version, salt, checkDate: at(1, 4), generatedAt: at(1, 5), people };
}

export interface UnitProgress {
  unit: string;
  before: { red: number; yellow: number } | null;
  after: { red: number; yellow: number } | null;
  fixed: number;
  remaining: number;
  added: number;
  /** fixed / (fixed + remaining): of last round's findings on people still on the roster, the share fixed; null: none */
  rate: number | null;
  left: number;
  joined: number;
}

export interface PersonProgress {
  unit: string;
  name: string;
  id: string;
  before: Verdict | null;
  after: Verdict | null;
  fixed: string[];
  remaining: string[];
  added: string[];
  /** on last round's roster, not on this one's (the unit did send this round) */
  left: boolean;
}

export interface Progress {
  previous: { checkDate: string; generatedAt: string };
  units: UnitProgress[];
  people: PersonProgress[];
}

/**
 * This round against the last, unit by unit (unitKey) and person by person (key): each finding (a person's rule)
 * fixed, remaining or new; people who left the roster, called out and not counted as fixed (leaving the roster is
 * not proof that a certificate was cancelled); units that sent nothing this round, said so.
 */
export function compareRounds(prev: Round, current: Round | Iterable<RoundPerson>): Progress {
  type Acc = { unit: string; before: Map<string, RoundPerson>; after: Set<string>; row: UnitProgress };
  const units = new Map<string, Acc>();
  const accOf = (unitKey: string, unit: string) => {
    let u = units.get(unitKey);
    if (!u) units.set(unitKey, (u = { unit, before: new Map(), after: new Set(), row: { unit, before: null, after: null, fixed: 0, remaining: 0, added: 0, rate: null, left: 0, joined: 0 } }));
    return u;
  };
  for (const p of prev.people) {
    const u = accOf(p.unitKey, p.unit);
    u.before.set(p.key, p);
    const b = (u.row.before ??= { red: 0, yellow: 0 });
    if (p.colour === 'red') b.red++;
    else if (p.colour === 'yellow') b.yellow++;
  }
  const people: PersonProgress[] = [];
  // this round's people one at a time (a county's 300,000 are not held twice): only each unit's keys are kept
  for (const p of 'people' in current ? current.people : current) {
    const u = accOf(p.unitKey, p.unit);
    u.unit = u.row.unit = p.unit;
    u.after.add(p.key);
    const a = (u.row.after ??= { red: 0, yellow: 0 });
    if (p.colour === 'red') a.red++;
    else if (p.colour === 'yellow') a.yellow++;
    const b = u.before.get(p.key);
    if (!b && u.before.size) u.row.joined++;
    const was = new Set(b?.rules ?? []);
    const is = new Set(p.rules);
    const pp: PersonProgress = {
      unit: p.unit, name: p.name, id: p.id, before: b?.colour ?? null, after: p.colour, left: false,
      fixed: [...was].filter((r) => !is.has(r)), remaining: p.rules.filter((r) => was.has(r)), added: p.rules.filter((r) => !was.has(r)),
    };
    u.row.fixed += pp.fixed.length;
    u.row.remaining += pp.remaining.length;
    u.row.added += pp.added.length;
    if (pp.fixed.length || pp.remaining.length || pp.added.length) people.push(pp);
  }
  for (const u of units.values()) {
    // a unit that sent nothing this round: its people have not left, the unit is late (said in 备注)
    if (!u.row.after) continue;
    for (const b of u.before.values()) {
      if (u.after.has(b.key)) continue;
      u.row.left++;
      people.push({ unit: u.unit, name: b.name, id: b.id, before: b.colour, after: null, fixed: [], remaining: [], added: [], left: true });
    }
    u.row.rate = u.row.fixed + u.row.remaining ? u.row.fixed / (u.row.fixed + u.row.remaining) : null;
  }
  return { previous: { checkDate: prev.checkDate, generatedAt: prev.generatedAt }, units: [...units.values()].map((u) => u.row), people };
}

const c = (v: string | number | null, style?: Style): OutCell => ({ v: typeof v === 'string' ? fitCell(v) : v, style });
const pct = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);
const colourCell = (v: Verdict | null) => c(v ? VERDICT_ZH[v] : '—', v && v !== 'none' ? v : 'cell');

/** 整改情况: a row per unit (上轮 → 本轮, 已整改 / 仍存在 / 新增, 整改率), then a row per person with a change. */
export function progressSheet(p: Progress, meta: { checkDate: string; generatedAt: string }): OutSheet {
  const UNIT_HEAD = ['单位', '上轮红', '上轮黄', '本轮红', '本轮黄', '已整改', '仍存在', '新增', '整改率', '离开名单', '新加入', '备注'];
  const rows: OutCell[][] = [
    [c('行政执法证件专项清理整改情况对比表', 'title')],
    [c(`上一轮：核查日期 ${p.previous.checkDate || '—'}，生成于 ${p.previous.generatedAt || '—'}　　本轮：核查日期 ${meta.checkDate}，生成于 ${meta.generatedAt}`, 'subtitle')],
    [c('按人员和规则逐项对比：上一轮有、本轮没有为“已整改”，两轮都有为“仍存在”，本轮才有为“新增”；整改率 = 已整改 ÷（已整改 + 仍存在）。离开名单的人员单独列出，不计入已整改。', 'subtitle')],
    UNIT_HEAD.map((h) => c(h, 'header')),
  ];
  const headerRow = rows.length;
  const tot = { br: 0, by: 0, ar: 0, ay: 0, fixed: 0, remaining: 0, added: 0, left: 0, joined: 0 };
  for (const u of p.units) {
    const note = !u.after ? '本轮未报送' : !u.before ? '上一轮未报送' : u.left ? `离开名单 ${u.left} 人，请核实是否已注销收回证件` : '';
    rows.push([
      c(u.unit || '（未注明单位）', 'cell'), c(u.before?.red ?? '—', 'number'), c(u.before?.yellow ?? '—', 'number'), c(u.after?.red ?? '—', 'number'), c(u.after?.yellow ?? '—', 'number'),
      c(u.fixed, 'number'), c(u.remaining, 'number'), c(u.added, 'number'), c(pct(u.rate), 'number'), c(u.left, 'number'), c(u.joined, 'number'), c(note, 'wrap'),
    ]);
    tot.br += u.before?.red ?? 0; tot.by += u.before?.yellow ?? 0; tot.ar += u.after?.red ?? 0; tot.ay += u.after?.yellow ?? 0;
    tot.fixed += u.fixed; tot.remaining += u.remaining; tot.added += u.added; tot.left += u.left; tot.joined += u.joined;
  }
  rows.push([c('合计', 'total'), ...[tot.br, tot.by, tot.ar, tot.ay, tot.fixed, tot.remaining, tot.added].map((n) => c(n, 'total')),
    c(pct(tot.fixed + tot.remaining ? tot.fixed / (tot.fixed + tot.remaining) : null), 'total'), c(tot.left, 'total'), c(tot.joined, 'total'), c('', 'total')]);
  rows.push([]);
  rows.push([c('人员整改明细', 'subtitle')]);
  rows.push(['单位', '姓名', '身份证号码', '上轮结论', '本轮结论', '已整改', '仍存在', '新增', '已整改数', '仍存在数', '新增数', '说明'].map((h) => c(h, 'header')));
  const order = (x: PersonProgress) => (x.left ? 0 : x.remaining.length ? 1 : x.added.length ? 2 : 3);
  for (const x of [...p.people].sort((a, b) => order(a) - order(b))) {
    rows.push([
      c(x.unit, 'cell'), c(x.name, 'cell'), c(x.id, 'cell'), colourCell(x.before), colourCell(x.after),
      c(x.fixed.join('、'), x.fixed.length ? 'green' : 'cell'), c(x.remaining.join('、'), x.remaining.length ? 'red' : 'cell'), c(x.added.join('、'), x.added.length ? 'yellow' : 'cell'),
      c(x.fixed.length, 'number'), c(x.remaining.length, 'number'), c(x.added.length, 'number'),
      c(x.left ? '离开名单：本轮名单中没有此人，请核实是否已调离、退休并注销收回证件' : x.remaining.length ? '问题仍存在，请督促整改' : x.added.length ? '新发现的问题' : '已全部整改', 'wrap'),
    ]);
  }
  const last = 'L';
  return {
    name: '整改情况', rows, headerRow, freezeRows: headerRow, landscape: true,
    widths: [24, 10, 21, 9, 9, 14, 14, 14, 9, 9, 9, 44],
    merges: ['A1:L1', 'A2:L2', 'A3:L3', `A${headerRow + p.units.length + 3}:${last}${headerRow + p.units.length + 3}`],
    printArea: `A1:${last}${rows.length}`,
  };
}
