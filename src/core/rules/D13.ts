import { TABLES, TableKind } from '../fields';
import { strayCells } from '../record';
import { Rule } from '../rule';

const keyFields = (kind: TableKind) => TABLES[kind].fields.flatMap((def, i) => (def.key_field ? [{ def, i }] : []));
const KEY_FIELDS = { person: keyFields('person'), agency: keyFields('agency'), ledger: keyFields('ledger'), training: keyFields('training') };

const rule: Rule = {
  meta: {
    id: 'D13',
    category: 'D',
    level: 'info',
    title: { zh: '关键字段含多余空格或全角字符', en: 'Stray spaces or full-width characters' },
    action: { zh: '删除多余空格、换行，改用半角字符', en: 'Remove stray spaces and line breaks; use half-width characters' },
    source: { zh: '摸排统计表填报要求', en: 'Form requirements' },
    messages: {
      stray: { zh: '「{field}」列有{count}处含多余空格、换行或全角字符（首见于此格），已按规范化后的值校验。', en: '"{field}" has {count} value(s) with stray spaces, line breaks or full-width characters (first here); checked as normalised.' },
    },
  },
  check(ctx) {
    // the cells were counted as the tables were read (a cell reads differently once cleaned)
    for (const [kind, recs] of [['person', ctx.people], ['agency', ctx.agencies], ['ledger', ctx.ledger], ['training', ctx.training]] as const) {
      for (const { def, i } of KEY_FIELDS[kind]) {
        const { count, first } = strayCells(recs, i);
        if (first) ctx.report({ table: kind, rec: first, field: def.key, messageId: 'stray', data: { count } });
      }
    }
  },
};
export default rule;
