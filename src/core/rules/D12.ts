import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  if (p.idKind === 15) ctx.report({ table: 'person', rec: p, field: 'idNumber', messageId: 'old', data: { value: p.idNumber! } });
}

const rule: Rule = {
  meta: {
    id: 'D12',
    category: 'D',
    level: 'warning',
    title: { zh: '15位旧身份证号码', en: 'Old 15-digit ID number' },
    action: { zh: '换用18位身份证号码', en: 'Use the 18-digit number' },
    source: { zh: 'GB 11643-1999', en: 'GB 11643-1999' },
    messages: {
      old: { zh: '身份证号码「{value}」为15位旧号码，请换为18位号码。', en: 'ID number "{value}" is an old 15-digit number; use the 18-digit one.' },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
