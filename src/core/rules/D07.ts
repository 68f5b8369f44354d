import { fieldsOfType } from '../fields';
import { Rec } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';
import { cellText } from '../text';

const LISTS = { person: fieldsOfType('person', 'list', 'yesno'), agency: fieldsOfType('agency', 'list', 'yesno') };

/** The rule on one row of either table. */
function checkRow(r: Rec, ctx: RuleContext): void {
  const lists = LISTS[r.kind];
  for (let k = 0; k < lists.length; k++) {
    const { def, i } = lists[k];
    const p = r.at(i);
    if (p === null || typeof p !== 'object') continue;
    const allowed = (def.type === 'yesno' ? ['是', '否'] : def.list ?? []).join('、');
    ctx.report({ table: r.kind, rec: r, field: def.key, messageId: 'notInList',
      data: { value: cellText(r.raw(def.key) ?? null), allowed, suggestion: p.suggestion ?? '' } });
  }
}

const rule: Rule = {
  meta: {
    id: 'D07',
    category: 'D',
    level: 'error',
    title: { zh: '取值不在可选范围内', en: 'Value not in the list' },
    action: { zh: '从下拉列表中选择', en: 'Pick a value from the list' },
    source: { zh: '摸排统计表填报要求', en: 'Form requirements' },
    messages: {
      notInList: { zh: '「{field}」的值「{value}」不在可选范围内（{allowed}），是否应为「{suggestion}」？', en: '"{field}" value "{value}" is not one of {allowed}; did you mean "{suggestion}"?' },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkRow);
    for (const a of ctx.agencies) checkRow(a, ctx);
  },
};
export default rule;
