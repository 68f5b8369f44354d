import { fieldsOfType } from '../fields';
import { eachNumberOutside, eachUnreadable } from '../record';
import { Rule } from '../rule';
import { cellText } from '../text';

const NUMBERS = {
  person: fieldsOfType('person', 'hours', 'int'), agency: fieldsOfType('agency', 'hours', 'int'),
  ledger: fieldsOfType('ledger', 'hours', 'int'), training: fieldsOfType('training', 'hours', 'int'),
};

const rule: Rule = {
  meta: {
    id: 'D11',
    category: 'D',
    level: 'error',
    title: { zh: '学时或人数不是有效数字', en: 'Hours or counts not a valid number' },
    action: { zh: '填写阿拉伯数字', en: 'Enter a number' },
    source: { zh: '通知三.4（学习培训时长）', en: 'Notice 3.4 (training hours)' },
    messages: {
      notNumber: { zh: '「{field}」的值「{value}」不是数字。', en: '"{field}" value "{value}" is not a number.' },
      negative: { zh: '「{field}」为负数（{value}）。', en: '"{field}" is negative ({value}).' },
      implausible: { zh: '「{field}」为{value}，超过合理上限{max}，请核实。', en: '"{field}" is {value}, above the plausible maximum {max}.' },
      notCount: { zh: '「{field}」的值「{value}」应为不小于0的整数。', en: '"{field}" value "{value}" must be a whole number of at least 0.' },
    },
  },
  check(ctx) {
    // column by column: only the unreadable cells and the hours out of range are visited
    const max = ctx.params.maxPlausibleHours;
    for (const [kind, recs] of [['person', ctx.people], ['agency', ctx.agencies], ['ledger', ctx.ledger], ['training', ctx.training]] as const) {
      for (const { def, i } of NUMBERS[kind]) {
        eachUnreadable(recs, i, def.key, (r) => {
          const value = cellText(r.raw(def.key) ?? null);
          ctx.report({ table: kind, rec: r, field: def.key, messageId: def.type === 'int' ? 'notCount' : 'notNumber', data: { value } });
        });
        if (def.type !== 'hours') continue;
        eachNumberOutside(recs, i, def.key, 0, max, (r, n) => {
          if (n < 0) ctx.report({ table: kind, rec: r, field: def.key, messageId: 'negative', data: { value: n } });
          else ctx.report({ table: kind, rec: r, field: def.key, messageId: 'implausible', data: { value: n, max } });
        });
      }
    }
  },
};
export default rule;
