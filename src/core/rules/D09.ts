import { Person } from '../record';
import { compact } from '../text';
import { duplicateGroups, othersInGroup, placesData, rowPlace, Rule } from '../rule';

/** Same person = same ID number, or same name where an ID is missing. */
function who(p: Person): string {
  return p.idNumber ?? `name:${p.name ?? p.row}`;
}

const rule: Rule = {
  meta: {
    id: 'D09',
    category: 'D',
    level: 'error',
    title: { zh: '执法证号重复', en: 'Duplicate certificate number' },
    action: { zh: '核对证件原件，更正证号', en: 'Check the certificates and correct the number' },
    source: { zh: '执法证号唯一', en: 'Certificate numbers are unique' },
    messages: {
      duplicate: { zh: '执法证号「{value}」同时登记在第{others}行{more}的其他人员名下。', en: 'Certificate number "{value}" is also recorded for another person on row(s) {others}{moreEn}.' },
    },
  },
  check(ctx) {
    // the number with every space taken out: clerks space it differently
    for (const group of duplicateGroups(ctx.people, (p) => { const c = p.certNumber; return c === undefined ? undefined : compact(c); })) {
      // the places of the last list named, for the next member naming the same ones from the same sheet
      let last: { listed: Person[]; sheet: string; total: number; places: ReturnType<typeof placesData> } | undefined;
      othersInGroup(group, who, (p, listed, total) => {
        if (total === 0) return;
        if (last?.listed !== listed || last.sheet !== p.sheet || last.total !== total) {
          last = { listed, sheet: p.sheet, total, places: placesData(listed.map((o) => rowPlace(p, o)), total) };
        }
        const { others, more, moreEn } = last.places;
        ctx.report({ table: 'person', rec: p, field: 'certNumber', messageId: 'duplicate', data: { value: p.certNumber!, others, more, moreEn } });
      });
    }
  },
};
export default rule;
