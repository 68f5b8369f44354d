import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  if (p.annualReview === '未通过' && p.holds) {
    ctx.report({ table: 'person', rec: p, field: 'annualReview', messageId: 'failed' });
  }
}

const rule: Rule = {
  meta: {
    id: 'P06',
    category: 'P',
    colour: 'red',
    title: { zh: '年审未通过', en: 'Annual review failed' },
    action: { zh: '证件年审不予通过，暂停执法', en: 'Suspend enforcement; the certificate fails its annual review' },
    source: { zh: '通知三.4', en: 'Notice 3.4' },
    messages: {
      failed: { zh: '年审结果为「未通过」，证件不得继续使用。', en: 'The annual review failed; the certificate may not be used.' },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
