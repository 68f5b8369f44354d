import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';
import { cellText } from '../text';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  const bad = p.idBad;
  if (bad !== undefined && bad.reason === 'idAsNumber') {
    const raw = p.raw('idNumber') ?? null;
    const value = typeof raw === 'number' ? raw.toExponential(5).toUpperCase() : cellText(raw);
    ctx.report({ table: 'person', rec: p, field: 'idNumber', messageId: 'asNumber', data: { value } });
  }
}

const rule: Rule = {
  meta: {
    id: 'D03',
    category: 'D',
    level: 'error',
    title: { zh: '身份证号码被存为数字', en: 'ID number stored as a number' },
    action: { zh: '将该列设为文本格式后重新录入完整号码', en: 'Format the column as text and re-enter the full number' },
    source: { zh: 'Excel 数字仅保留15位有效数字', en: 'Excel keeps 15 significant digits' },
    messages: {
      asNumber: {
        zh: '身份证号码被 Excel 存成了数字（显示为 {value}），后几位已丢失，无法校验。请把该列设为“文本”格式，再按身份证原件重新录入。',
        en: 'The ID number was stored as a number ({value}); its last digits are lost. Format the column as text and re-enter it.',
      },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
