import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  if (p.departed && p.holds) {
    ctx.report({ table: 'person', rec: p, field: 'employmentStatus', messageId: 'departed',
      data: { status: p.employmentStatus!, cert: p.certStatus ?? '未填' } });
  }
}

const rule: Rule = {
  meta: {
    id: 'P03',
    category: 'P',
    colour: 'red',
    title: { zh: '离岗人员证件未注销收回', en: 'Departed staff whose certificate was not cancelled' },
    action: { zh: '注销并收回证件', en: 'Cancel and recover the certificate' },
    source: { zh: '通知三.2（二）、三.3', en: 'Notice 3.2 (2), 3.3' },
    messages: {
      departed: { zh: '人员已{status}，证件状态仍为「{cert}」，应注销并收回。', en: 'The person has left ({status}) but the certificate is still "{cert}"; cancel and recover it.' },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
