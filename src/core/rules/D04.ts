import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  const given = p.gender;
  const fromId = p.idGender;
  if (given && fromId && given !== fromId) {
    ctx.report({ table: 'person', rec: p, field: 'gender', messageId: 'mismatch', data: { given, fromId } });
  }
}

const rule: Rule = {
  meta: {
    id: 'D04',
    category: 'D',
    level: 'error',
    title: { zh: '性别与身份证号码不符', en: 'Gender disagrees with the ID number' },
    action: { zh: '核对性别或身份证号码', en: 'Check the gender or the ID number' },
    source: { zh: 'GB 11643-1999 第17位奇数为男', en: 'GB 11643-1999: odd 17th digit = male' },
    messages: {
      mismatch: { zh: '性别填写为「{given}」，但身份证号码显示为「{fromId}」。', en: 'Gender is "{given}" but the ID number says "{fromId}".' },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
