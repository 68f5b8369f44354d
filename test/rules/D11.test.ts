import { body, holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('D11', {
  valid: [
    { name: 'hours as numbers and text', people: [holder({ annualTrainingHours: 72 }), holder({ annualTrainingHours: '６０学时' })] },
  ],
  invalid: [
    { name: 'not a number', people: [holder({ annualTrainingHours: '六十' })], errors: [{ messageId: 'notNumber', row: 2, column: '年度培训学时' }] },
    { name: 'negative', people: [holder({ annualTrainingHours: -5 })], errors: [{ messageId: 'negative', row: 2 }] },
    { name: 'implausible', people: [holder({ annualTrainingHours: 900 })], errors: [{ messageId: 'implausible', row: 2 }] },
    { name: 'a count that is not whole', agencies: [body({ establishment: 2.5 })], errors: [{ messageId: 'notCount', row: 2, column: '编制数' }] },
  ],
});
