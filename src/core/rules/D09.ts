import { duplicateGroups, otherRows, Rule } from '../rule';
import { compact } from '../text';

const compactOrUndefined = (s?: string) => (s === undefined ? undefined : compact(s));
import { Rec } from '../record';

/** Same person = same ID number, or same name where an ID is missing. */
function who(p: Rec): string {
  return p.str('idNumber') ?? `name:${p.str('name') ?? p.row}`;
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
      duplicate: { zh: '执法证号「{value}」同时登记在第{others}行的其他人员名下。', en: 'Certificate number "{value}" is also recorded for another person on row(s) {others}.' },
    },
  },
  check(ctx) {
    for (const group of duplicateGroups(ctx.people, (p) => compactOrUndefined(p.str('certNumber')))) {
      if (new Set(group.map(who)).size < 2) continue;
      for (const p of group) {
        const others = otherRows(p, group.filter((o) => who(o) !== who(p)));
        if (others) ctx.report({ table: 'person', rec: p, field: 'certNumber', messageId: 'duplicate', data: { value: p.str('certNumber')!, others } });
      }
    }
  },
};
export default rule;
