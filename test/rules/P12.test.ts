import { day, holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('P12', {
  valid: [
    { name: 'expires in 91 days', people: [holder({ expiryDate: day(91) })] },
    { name: 'already expired is P05', people: [holder({ expiryDate: day(-1) })] },
  ],
  invalid: [
    { name: 'expires in 90 days', people: [holder({ expiryDate: day(90) })], errors: [{ messageId: 'soon', row: 2, column: '有效期至', colour: 'yellow' }] },
    { name: 'expires on the check date', people: [holder({ expiryDate: day(0) })], errors: [{ messageId: 'soon', row: 2 }] },
  ],
});
