import { holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('P10', {
  valid: [
    { name: 'exactly 60 hours', people: [holder({ annualTrainingHours: 60 })] },
    { name: 'no certificate', people: [holder({ annualTrainingHours: 10, certStatus: '未持证' })] },
  ],
  invalid: [{ name: '59 hours', people: [holder({ annualTrainingHours: 59 })], errors: [{ messageId: 'short', row: 2, column: '年度培训学时', colour: 'yellow' }] }],
});
