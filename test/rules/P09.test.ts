import { day, holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('P09', {
  valid: [
    { name: 'not transferred', people: [holder()] },
    { name: 'transferred, trained 20 hours and reviewed', people: [holder({ transferInDate: day(-60), newFieldTrainingHours: 20, transferReviewed: '是' })] },
  ],
  invalid: [
    { name: 'too few hours', people: [holder({ transferInDate: day(-60), newFieldTrainingHours: 12, transferReviewed: '是' })], errors: [{ messageId: 'hours', row: 2, column: '新领域培训学时', colour: 'yellow' }] },
    { name: 'not reviewed', people: [holder({ transferInDate: day(-60), newFieldTrainingHours: 24, transferReviewed: '否' })], errors: [{ messageId: 'review', row: 2, column: '换证审核' }] },
  ],
});
