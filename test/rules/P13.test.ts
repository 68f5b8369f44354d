import { holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('P13', {
  valid: [{ name: 'normal', people: [holder()] }],
  invalid: [{ name: 'withheld', people: [holder({ certStatus: '暂扣' })], errors: [{ messageId: 'withheld', row: 2, colour: 'yellow' }] }],
});
