import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  if (!p.hasTransferIn || p.certStatus !== '正常') return;
  const min = ctx.params.transferTrainingHours;
  const hours = p.newFieldTrainingHours;
  if (hours !== undefined && hours < min) {
    ctx.report({ table: 'person', rec: p, field: 'newFieldTrainingHours', messageId: 'hours', data: { hours, min } });
  }
  if (p.transferReviewed !== '是') ctx.report({ table: 'person', rec: p, field: 'transferReviewed', messageId: 'review' });
}

const rule: Rule = {
  meta: {
    id: 'P09',
    category: 'P',
    colour: 'yellow',
    title: { zh: '调入人员未完成新领域培训或换证审核', en: 'Transferred-in staff without new-field training or review' },
    action: { zh: '完成不少于20学时新领域培训，经县司法局审核后换发', en: 'Complete at least 20 hours of new-field training and the county review, then reissue' },
    source: { zh: '通知三.3', en: 'Notice 3.3' },
    messages: {
      hours: { zh: '调入后新领域培训{hours}学时，不足{min}学时。', en: 'New-field training after transfer is {hours} h, below {min} h.' },
      review: { zh: '调入后尚未通过县司法局换证审核。', en: 'The county review after transfer has not been passed.' },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
