import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  // A departed holder is P03's case; P08 is for people still employed off an enforcement post.
  if (p.onEnforcementPost === '否' && p.holds && !p.departed) {
    ctx.report({ table: 'person', rec: p, field: 'onEnforcementPost', messageId: 'offPost' });
  }
}

const rule: Rule = {
  meta: {
    id: 'P08',
    category: 'P',
    colour: 'red',
    title: { zh: '不在执法岗位仍持证', en: 'Holding a certificate off an enforcement post' },
    action: { zh: '不在执法岗位的，注销证件', en: 'Cancel the certificate of anyone not on an enforcement post' },
    source: { zh: '通知三.2（三）（超执法岗位），推定', en: 'Notice 3.2 (3), inferred' },
    messages: {
      offPost: { zh: '「是否在执法岗位」为否，却持有或申领证件，应注销。', en: 'Not on an enforcement post yet holds or applies for a certificate.' },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
