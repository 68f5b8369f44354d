import { holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('D12', {
  valid: [{ name: 'an 18-digit number', people: [holder()] }],
  invalid: [{ name: 'a 15-digit number', people: [holder({ idNumber: '611026800101101' })], errors: [{ messageId: 'old', row: 2, level: 'warning' }] }],
});
