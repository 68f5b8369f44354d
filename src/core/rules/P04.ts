import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  if (p.certVersion === '旧版' && p.holds) {
    ctx.report({ table: 'person', rec: p, field: 'certVersion', messageId: 'oldVersion' });
  }
}

const rule: Rule = {
  meta: {
    id: 'P04',
    category: 'P',
    colour: 'red',
    title: { zh: '旧版证件未换发注销', en: 'Old-version certificate still in use' },
    action: { zh: '收回旧证，符合条件的换发新证', en: 'Recover the old certificate; reissue a new one where eligible' },
    source: { zh: '通知三.2（四）', en: 'Notice 3.2 (4)' },
    messages: {
      oldVersion: { zh: '持有已作废的旧版陕西省行政执法证件，应收回并换发新证。', en: 'Holds the invalidated old Shaanxi certificate; recover it and reissue.' },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
