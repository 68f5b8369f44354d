import { day, holder } from '../helpers/grid';
import { course, event, recordsRuleTester } from '../helpers/ledger';

const moved = holder({ transferInDate: day(-100), newFieldTrainingHours: 20, transferReviewed: '是' });
const short = holder({ transferInDate: day(-100), newFieldTrainingHours: 8, transferReviewed: '是' });
const REVIEW = { reference: '经县司法局审核，柞司审〔2024〕12号' };
recordsRuleTester('L05', {
  valid: [
    { name: 'trained 20 hours, then reviewed and issued', people: [moved], ledger: [event(moved, '发放', day(-10), REVIEW)], training: [course(moved, 20, day(-50))] },
    { name: 'the review on an earlier row after the transfer', people: [moved], ledger: [event(moved, '申领', day(-30), REVIEW), event(moved, '发放', day(-10))], training: [course(moved, 12, day(-60)), course(moved, 8, day(-40))] },
    { name: 'issued before the transfer (by the old body)', people: [moved], ledger: [event(moved, '发放', day(-500))] },
    { name: 'not transferred', people: [holder()], ledger: [event(holder(), '发放', day(-10))] },
  ],
  invalid: [
    {
      name: '12 hours of enforcement training and 10 of 民法',
      people: [moved], ledger: [event(moved, '发放', day(-10), REVIEW)],
      training: [course(moved, 12, day(-50)), course(moved, 10, day(-40), { category: '民法', course: '民法典专题' })],
      errors: [{ messageId: 'hours', sheet: '证件台账', row: 2, column: '日期', colour: 'yellow' }],
    },
    {
      name: 'training after the issue does not count',
      people: [moved], ledger: [event(moved, '发放', day(-10), REVIEW)], training: [course(moved, 24, day(-5))],
      errors: [{ messageId: 'hours', sheet: '证件台账', row: 2, column: '日期', colour: 'yellow' }],
    },
    {
      name: 'review pending',
      people: [moved], ledger: [event(moved, '发放', day(-10), { reference: '已报县司法局，待审核' })], training: [course(moved, 20, day(-50))],
      errors: [{ messageId: 'review', sheet: '证件台账', row: 2, column: '文号或说明', colour: 'yellow' }],
    },
    {
      name: 'no training records for the person: the roster\'s 8 hours',
      people: [short], ledger: [event(short, '发放', day(-10), REVIEW)],
      errors: [{ messageId: 'hours', sheet: '证件台账', row: 2, column: '日期', colour: 'yellow' }],
    },
  ],
});
