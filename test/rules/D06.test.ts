import { body, day, holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('D06', {
  valid: [
    { name: 'issue before expiry, both sensible', people: [holder()] },
    { name: 'departure date with a departed status', people: [holder({ employmentStatus: '退休', departureDate: day(-10), certStatus: '已注销' })] },
  ],
  invalid: [
    { name: 'expiry before issue', people: [holder({ issueDate: day(-10), expiryDate: day(-20) })], errors: [{ messageId: 'expiryBeforeIssue', row: 2, column: '有效期至' }] },
    { name: 'issued after the check date', people: [holder({ issueDate: day(5) })], errors: [{ messageId: 'future', row: 2, column: '发证日期' }] },
    { name: 'departure date while on duty', people: [holder({ departureDate: day(-3) })], errors: [{ messageId: 'departureWhileOnDuty', row: 2, column: '离岗日期' }] },
    { name: 'entrustment ends before it starts', agencies: [body({ entrustmentStart: day(10), entrustmentEnd: day(5) })], errors: [{ messageId: 'endBeforeStart', row: 2 }] },
  ],
});
