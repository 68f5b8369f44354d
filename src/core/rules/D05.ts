import { fieldsOfType } from '../fields';
import { eachUnreadable } from '../record';
import { Rule } from '../rule';
import { cellText } from '../text';

const DATES = { person: fieldsOfType('person', 'date'), agency: fieldsOfType('agency', 'date'), ledger: fieldsOfType('ledger', 'date'), training: fieldsOfType('training', 'date') };

const rule: Rule = {
  meta: {
    id: 'D05',
    category: 'D',
    level: 'error',
    title: { zh: '日期无法识别', en: 'Unreadable date' },
    action: { zh: '按 2024-06-01 的格式填写日期', en: 'Enter the date as 2024-06-01' },
    source: { zh: '摸排统计表填报要求', en: 'Form requirements' },
    messages: {
      unreadable: { zh: '「{field}」的值「{value}」不是可识别的日期，请按 2024-06-01 格式填写。', en: '"{field}" value "{value}" is not a date; use the form 2024-06-01.' },
    },
  },
  check(ctx) {
    // column by column: only the unreadable cells are visited
    for (const [kind, recs] of [['person', ctx.people], ['agency', ctx.agencies], ['ledger', ctx.ledger], ['training', ctx.training]] as const) {
      for (const { def, i } of DATES[kind]) {
        eachUnreadable(recs, i, def.key, (r) => {
          ctx.report({ table: kind, rec: r, field: def.key, messageId: 'unreadable', data: { value: cellText(r.raw(def.key) ?? null) } });
        });
      }
    }
  },
};
export default rule;
