import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  const value = p.sanction;
  if (!value || value === '无' || !p.holds) return;
  if (value === '正在接受审查') ctx.report({ table: 'person', rec: p, field: 'sanction', messageId: 'review', variant: 'review' });
  else ctx.report({ table: 'person', rec: p, field: 'sanction', messageId: 'sanctioned', data: { value } });
}

const rule: Rule = {
  meta: {
    id: 'P07',
    category: 'P',
    colour: 'red',
    variants: { review: 'yellow' },
    title: { zh: '受处分或正在接受审查', en: 'Sanctioned or under investigation' },
    action: { zh: '受处分的收回注销证件；审查期间暂停执法', en: 'Recover the certificate if sanctioned; suspend while under investigation' },
    source: { zh: '推定（参照四川年审做法）', en: 'Inferred (Sichuan annual review)' },
    messages: {
      sanctioned: { zh: '违纪违法情况为「{value}」，应收回并注销证件。', en: 'Sanction "{value}": recover and cancel the certificate.' },
      review: { zh: '正在接受审查，审查期间应暂停执法。', en: 'Under investigation: suspend enforcement meanwhile.' },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
