import { day, holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('P05', {
  valid: [
    { name: 'expires on the check date is still valid', people: [holder({ expiryDate: day(0) })] },
    { name: 'expired but cancelled', people: [holder({ expiryDate: day(-10), certStatus: '已注销' })] },
  ],
  invalid: [{ name: 'expired yesterday', people: [holder({ expiryDate: day(-1) })], errors: [{ messageId: 'expired', row: 2, column: '有效期至', colour: 'red' }] }],
});
