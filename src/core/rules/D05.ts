import { fieldsOfType } from '../fields';
import { Rec } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';
import { cellText } from '../text';

const DATES = { person: fieldsOfType('person', 'date'), agency: fieldsOfType('agency', 'date') };

/** The rule on one row of either table. */
function checkRow(r: Rec, ctx: RuleContext): void {
  const dates = DATES[r.kind];
  for (let k = 0; k < dates.length; k++) {
    const { def, i } = dates[k];
    const c = r.at(i);
    if (c !== null && typeof c === 'object') {
      ctx.report({ table: r.kind, rec: r, field: def.key, messageId: 'unreadable', data: { value: cellText(r.raw(def.key) ?? null) } });
    }
  }
}

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
    eachPerson(ctx, checkRow);
    for (const a of ctx.agencies) checkRow(a, ctx);
  },
};
export default rule;
