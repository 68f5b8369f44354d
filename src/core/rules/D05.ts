import { TABLES, TableKind } from '../fields';
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
      const dateKeys = TABLES[kind as TableKind].fields.filter((f) => f.type === 'date').map((f) => f.key);
      for (const r of recs) {
        for (const key of dateKeys) {
          const p = r.parsed(key);
          if (p.kind === 'bad') {
            ctx.report({ table: kind, rec: r, field: key, messageId: 'unreadable', data: { value: cellText(r.raw(key) ?? null) } });
          }
        }
      }
    }
  },
};
export default rule;
