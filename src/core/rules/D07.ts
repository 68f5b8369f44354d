import { fieldsOfType } from '../fields';
import { Rule } from '../rule';
import { cellText } from '../text';

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
    for (const [kind, recs] of [['person', ctx.people], ['agency', ctx.agencies]] as const) {
      const lists = fieldsOfType(kind, 'list', 'yesno');
      for (const r of recs) {
        for (const { def, i } of lists) {
          const p = r.at(i);
          if (p === null || typeof p !== 'object') continue;
          const allowed = (def.type === 'yesno' ? ['是', '否'] : def.list ?? []).join('、');
          ctx.report({ table: kind, rec: r, field: def.key, messageId: 'notInList',
            data: { value: cellText(r.raw(def.key) ?? null), allowed, suggestion: p.suggestion ?? '' } });
        }
      }
    }
  },
};
export default rule;
