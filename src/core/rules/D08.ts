import { duplicateGroups, otherRows, Rule } from '../rule';

const rule: Rule = {
  meta: {
    id: 'D08',
    category: 'D',
    level: 'error',
    title: { zh: '身份证号码重复', en: 'Duplicate ID number' },
    action: { zh: '合并或删除重复行，一人只占一行', en: 'Keep one row per person' },
    source: { zh: '摸排统计表填报要求', en: 'Form requirements' },
    messages: {
      duplicate: { zh: '身份证号码与第{others}行重复，一人只应填报一行。', en: 'The ID number repeats on row(s) {others}; one row per person.' },
    },
  },
  check(ctx) {
    for (const group of duplicateGroups(ctx.people, (p) => p.str('idNumber'))) {
      for (const p of group) {
        const others = otherRows(p, group.filter((o) => o !== p));
        ctx.report({ table: 'person', rec: p, field: 'idNumber', messageId: 'duplicate', data: { others } });
      }
    }
  },
};
export default rule;
