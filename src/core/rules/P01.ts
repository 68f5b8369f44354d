import { NON_FORMAL } from '../fields';
import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  const category = p.staffCategory;
  if (category && NON_FORMAL.includes(category) && p.holds) {
    ctx.report({ table: 'person', rec: p, field: 'staffCategory', messageId: 'nonFormal', data: { category } });
  }
}

const rule: Rule = {
  meta: {
    id: 'P01',
    category: 'P',
    colour: 'red',
    title: { zh: '非在编人员持证或申领证件', en: 'Non-established staff holding a certificate' },
    action: { zh: '取消执法资格，收回证件', en: 'Withdraw the enforcement qualification and recover the certificate' },
    source: { zh: '通知三.2（一）', en: 'Notice 3.2 (1)' },
    messages: {
      nonFormal: { zh: '人员类别为「{category}」，属非正式在编人员，不得持有或申领执法证件。', en: 'Staff category "{category}" is not established staff and may not hold or apply for a certificate.' },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
