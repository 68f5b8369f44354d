import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  if (p.certStatus === '暂扣') ctx.report({ table: 'person', rec: p, field: 'certStatus', messageId: 'withheld' });
}

const rule: Rule = {
  meta: {
    id: 'P13',
    category: 'P',
    colour: 'yellow',
    title: { zh: '证件暂扣', en: 'Certificate withheld' },
    action: { zh: '暂停执法，待恢复或注销', en: 'Suspend enforcement until restored or cancelled' },
    source: { zh: '推定', en: 'Inferred' },
    messages: { withheld: { zh: '证件被暂扣，暂停执法，待恢复或注销。', en: 'The certificate is withheld; suspend enforcement.' } },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
