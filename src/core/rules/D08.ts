import { duplicateGroups, LISTED_PLACES, placesData, rowPlace, Rule } from '../rule';

const rule: Rule = {
  meta: {
    id: 'D08',
    category: 'D',
    level: 'error',
    title: { zh: '身份证号码重复', en: 'Duplicate ID number' },
    action: { zh: '合并或删除重复行，一人只占一行', en: 'Keep one row per person' },
    source: { zh: '摸排统计表填报要求', en: 'Form requirements' },
    messages: {
      duplicate: { zh: '身份证号码与第{others}行{more}重复，一人只应填报一行。', en: 'The ID number repeats on row(s) {others}{moreEn}; one row per person.' },
    },
  },
  check(ctx) {
    for (const group of duplicateGroups(ctx.people, (p) => p.idNumber)) {
      // each row names the first few others of its group, and how many there are: linear in the group
      const first = group.slice(0, LISTED_PLACES + 1);
      for (const p of group) {
        const listed = first.filter((o) => o !== p).slice(0, LISTED_PLACES).map((o) => rowPlace(p, o));
        ctx.report({ table: 'person', rec: p, field: 'idNumber', messageId: 'duplicate', data: placesData(listed, group.length - 1) });
      }
    }
  },
};
export default rule;
