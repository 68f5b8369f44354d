import { holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('P04', {
  valid: [
    { name: 'new certificate', people: [holder()] },
    { name: 'old certificate already recovered', people: [holder({ certVersion: '旧版', certStatus: '已收回' })] },
  ],
  invalid: [{ name: 'old certificate in use', people: [holder({ certVersion: '旧证' })], errors: [{ messageId: 'oldVersion', row: 2, column: '证件版本', colour: 'red' }] }],
});
