import { a1 } from '../a1';
import { unitKey } from '../unit-name';
import { PersonVerdict } from '../engine';
import { LISTED_PLACES, placesData } from '../rule';
import { CrossRule, FileCheck, where } from './context';

export type Copy = { file: string; unit: string; p: PersonVerdict };

/**
 * Every person across the files, grouped by a key (one Map, one pass), where the group spans two or more units.
 * Two files of one unit are one unit sent twice (X03), not a person in two units.
 */
export function acrossFiles(files: FileCheck[], key: (p: PersonVerdict) => string): Copy[][] {
  // a key's first holder as a number (file × 2^21 + person), so that the many keys met once allocate
  // nothing; one Map, read once and written once for a key met once
  const seen = new Map<string, number | Copy[]>();
  const units = files.map((f) => unitKey(f.result?.unit ?? '') || f.file);
  const copy = (at: number): Copy => {
    const fi = Math.floor(at / SPAN);
    return { file: files[fi].file, unit: units[fi], p: files[fi].result!.people[at % SPAN] };
  };
  files.forEach((f, fi) => {
    const people = f.result?.people ?? [];
    for (let pi = 0; pi < people.length; pi++) {
      const k = key(people[pi]);
      if (!k) continue;
      const at = fi * SPAN + pi;
      const g = seen.get(k);
      if (g === undefined) seen.set(k, at);
      else if (typeof g === 'number') seen.set(k, [copy(g), copy(at)]);
      else g.push(copy(at));
    }
  });
  const out: Copy[][] = [];
  for (const g of seen.values()) if (typeof g !== 'number' && g.some((c) => c.unit !== g[0].unit)) out.push(g);
  return out;
}

/** people a file may hold, as a power of two above the reader's row limit */
const SPAN = 2 ** 21;

const rule: CrossRule = {
  meta: {
    id: 'X01',
    category: 'X',
    colour: 'yellow',
    variants: { bothLive: 'red' },
    title: { zh: '同一身份证号码出现在两个以上单位', en: 'One ID number in two or more units' },
    action: { zh: '核实人员归属；调动的，由原单位注销收回旧证', en: 'Find where the person belongs; the old unit cancels the old certificate' },
    source: { zh: '通知三.2（二）、三.3（调动）', en: 'Notice 3.2 (2), 3.3 (transfers)' },
    messages: {
      twice: { zh: '身份证号码同时出现在{others}{more}，请核实人员归属。', en: 'The ID number also appears in {others}{moreEn}; find where the person belongs.' },
      bothLive: { zh: '身份证号码同时出现在{others}{more}，且两处都持有有效证件：原单位证件应注销收回。', en: 'The ID number also appears in {others}{moreEn} and both hold a live certificate: cancel the old one.' },
    },
  },
  check(ctx) {
    for (const group of acrossFiles(ctx.files, (p) => (p.idNumber.length >= 15 ? p.idNumber : ''))) {
      const live = group.filter((c) => c.p.live).length >= 2;
      // each copy names the first few others and counts the rest: linear in the group
      const first = group.slice(0, LISTED_PLACES + 1);
      for (const c of group) {
        const listed = first.filter((o) => o !== c).slice(0, LISTED_PLACES).map((o) => where(o.file, o.p.sheet, a1(o.p.row, o.p.idCol ?? 1)));
        ctx.report({
          file: c.file, sheet: c.p.sheet, row: c.p.row, col: c.p.idCol, column: '身份证号码', name: c.p.name,
          messageId: live ? 'bothLive' : 'twice', variant: live ? 'bothLive' : undefined, data: placesData(listed, group.length - 1),
        });
      }
    }
  },
};

export default rule;
