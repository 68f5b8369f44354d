import { a1 } from '../a1';
import { LISTED_PLACES, placesData } from '../rule';
import { compact } from '../text';
import { CrossRule, where } from './context';
import { acrossFiles, Copy } from './X01';

/** Same person = same ID number, or same name where an ID is missing. */
const who = (c: Copy) => c.p.idNumber || c.p.name;

function count<K>(m: Map<K, number>, k: K): number {
  const n = (m.get(k) ?? 0) + 1;
  m.set(k, n);
  return n;
}

/**
 * For each copy of a certificate number, the first few copies (in group order) held by another person in another
 * unit, and how many there are: linear in the group, with no pairwise loop. Only the first LISTED_PLACES copies
 * of each person in each unit, and the first 2 × LISTED_PLACES of those per unit, can be among a copy's first
 * LISTED_PLACES others, so a copy looks only among those candidates (in group order), and counts the rest.
 */
function eachOthers(group: Copy[], visit: (c: Copy, listed: Copy[], total: number) => void): void {
  const whos = group.map(who);
  const byWho = new Map<string, number>();
  const byUnit = new Map<string, number>();
  const byPair = new Map<string, number>();
  const perUnit = new Map<string, number>();
  const candidates: number[] = [];
  for (let i = 0; i < group.length; i++) {
    count(byWho, whos[i]);
    count(byUnit, group[i].unit);
    const pair = count(byPair, `${whos[i]}\u0000${group[i].unit}`);
    if (pair <= LISTED_PLACES && count(perUnit, group[i].unit) <= 2 * LISTED_PLACES) candidates.push(i);
  }
  for (let i = 0; i < group.length; i++) {
    const c = group[i];
    const total = group.length - byWho.get(whos[i])! - byUnit.get(c.unit)! + byPair.get(`${whos[i]}\u0000${c.unit}`)!;
    const listed: Copy[] = [];
    for (let j = 0; j < candidates.length && listed.length < Math.min(total, LISTED_PLACES); j++) {
      const o = group[candidates[j]];
      if (o.unit !== c.unit && whos[candidates[j]] !== whos[i]) listed.push(o);
    }
    visit(c, listed, total);
  }
}

const rule: CrossRule = {
  meta: {
    id: 'X02',
    category: 'X',
    colour: 'red',
    title: { zh: '同一执法证号登记在不同单位的不同人员名下', en: 'One certificate number on different people in different units' },
    action: { zh: '核对证件原件，更正证号；冒用的收回注销', en: 'Check the certificates; recover any misused one' },
    source: { zh: '执法证号唯一（通知三.5 关联性审核）', en: 'Certificate numbers are unique (notice 3.5)' },
    messages: {
      shared: { zh: '执法证号「{value}」同时登记在{others}{more}的其他人员名下。', en: 'Certificate number "{value}" is also recorded for another person in {others}{moreEn}.' },
    },
  },
  check(ctx) {
    for (const group of acrossFiles(ctx.files, (p) => compact(p.certNumber))) {
      eachOthers(group, (c, listed, total) => {
        if (total === 0) return;
        const places = listed.map((o) => where(o.file, o.p.sheet, a1(o.p.row, o.p.certCol ?? 1)));
        ctx.report({
          file: c.file, sheet: c.p.sheet, row: c.p.row, col: c.p.certCol, column: '执法证号', name: c.p.name,
          messageId: 'shared', data: { value: c.p.certNumber, ...placesData(places, total) },
        });
      });
    }
  },
};
export default rule;
