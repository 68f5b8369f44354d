import { fieldsOfType } from '../fields';
import { eachUnreadable } from '../record';
import { Rule } from '../rule';
import { cellText } from '../text';

const LISTS = {
  person: fieldsOfType('person', 'list', 'yesno'), agency: fieldsOfType('agency', 'list', 'yesno'),
  ledger: fieldsOfType('ledger', 'list', 'yesno'), training: fieldsOfType('training', 'list', 'yesno'),
};

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
    // column by column: only the unreadable cells are visited
    for (const [kind, recs] of [['person', ctx.people], ['agency', ctx.agencies], ['ledger', ctx.ledger], ['training', ctx.training]] as const) {
      for (const { def, i } of LISTS[kind]) {
        const allowed = (def.type === 'yesno' ? ['是', '否'] : def.list ?? []).join('、');
        eachUnreadable(recs, i, def.key, (r, bad) => {
          ctx.report({ table: kind, rec: r, field: def.key, messageId: 'notInList',
            data: { value: cellText(r.raw(def.key) ?? null), allowed, suggestion: bad.suggestion ?? '' } });
        });
      }
    }
  },
};
export default rule;
