import { fieldsOfType } from '../fields';
import { Rule } from '../rule';
import { cellText } from '../text';

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
    for (const [kind, recs] of [['person', ctx.people], ['agency', ctx.agencies]] as const) {
      const dates = fieldsOfType(kind, 'date');
      for (const r of recs) {
        for (const f of dates) {
          const c = r.at(f.i);
          if (c !== null && typeof c === 'object') {
            ctx.report({ table: kind, rec: r, field: f.def.key, messageId: 'unreadable', data: { value: cellText(r.raw(f.def.key) ?? null) } });
          }
        }
      }
    }
  },
};
export default rule;
