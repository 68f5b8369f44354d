import { day, holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('P08', {
  valid: [
    { name: 'on a post', people: [holder()] },
    { name: 'a departed holder is P03, not P08', people: [holder({ onEnforcementPost: '否', employmentStatus: '退休', departureDate: day(-5) })] },
  ],
  invalid: [{ name: 'off post (×) with a certificate', people: [holder({ onEnforcementPost: '×' })], errors: [{ messageId: 'offPost', row: 2, column: '是否在执法岗位', colour: 'red' }] }],
});
