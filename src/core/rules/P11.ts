import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  if (p.certStatus === '挂失') ctx.report({ table: 'person', rec: p, field: 'certStatus', messageId: 'lost' });
}

const rule: Rule = {
  meta: {
    id: 'P11',
    category: 'P',
    colour: 'yellow',
    title: { zh: '证件挂失', en: 'Certificate reported lost' },
    action: { zh: '补办证件', en: 'Apply for a replacement' },
    source: { zh: '通知三.3', en: 'Notice 3.3' },
    messages: { lost: { zh: '证件已挂失，请及时补办。', en: 'The certificate is reported lost; apply for a replacement.' } },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
