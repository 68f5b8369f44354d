import { holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('P11', {
  valid: [{ name: 'normal', people: [holder()] }],
  invalid: [{ name: 'reported lost', people: [holder({ certStatus: '挂失' })], errors: [{ messageId: 'lost', row: 2, column: '证件状态', colour: 'yellow' }] }],
});
