import { day, holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('P03', {
  valid: [
    { name: 'retired and cancelled', people: [holder({ employmentStatus: '退休', departureDate: day(-30), certStatus: '已注销' })] },
    { name: 'transferred out and recovered', people: [holder({ employmentStatus: '调离', departureDate: day(-30), certStatus: '已收回' })] },
  ],
  invalid: [
    { name: 'retired with a live certificate', people: [holder({ employmentStatus: '退休', departureDate: day(-30) })], errors: [{ messageId: 'departed', row: 2, column: '在岗状态', colour: 'red' }] },
    { name: 'resigned, certificate lost', people: [holder({ employmentStatus: '已辞职', departureDate: day(-30), certStatus: '挂失' })], errors: [{ messageId: 'departed', row: 2 }] },
  ],
});
