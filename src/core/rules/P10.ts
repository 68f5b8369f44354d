import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  const min = ctx.params.annualTrainingHours;
  const hours = p.annualTrainingHours;
  if (hours !== undefined && hours >= 0 && hours < min && p.live) {
    ctx.report({ table: 'person', rec: p, field: 'annualTrainingHours', messageId: 'short', data: { hours, min } });
  }
}

const rule: Rule = {
  meta: {
    id: 'P10',
    category: 'P',
    colour: 'yellow',
    title: { zh: '年度培训学时不足', en: 'Annual training hours short' },
    action: { zh: '补足学时，否则年审不予通过', en: 'Make up the hours, or the annual review fails' },
    source: { zh: '通知三.4', en: 'Notice 3.4' },
    messages: {
      short: { zh: '年度培训{hours}学时，不足{min}学时。', en: 'Annual training is {hours} h, below {min} h.' },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
