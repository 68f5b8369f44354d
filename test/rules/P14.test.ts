import { makeId } from '../../src/core/idnumber';
import { day, holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('P14', {
  valid: [
    { name: 'a man of 59', people: [holder({ idNumber: makeId('611026', '19640701', '101') })] },
    { name: 'a retired woman of 70', people: [holder({ idNumber: makeId('611026', '19540101', '102'), gender: '女', employmentStatus: '退休', departureDate: day(-100), certStatus: '已注销' })] },
  ],
  invalid: [
    { name: 'a man of 60 on duty', people: [holder({ idNumber: makeId('611026', '19640601', '101') })], errors: [{ messageId: 'age', row: 2, column: '身份证号码', colour: 'yellow' }] },
    { name: 'a woman of 55 on duty', people: [holder({ idNumber: makeId('611026', '19690601', '102'), gender: '女' })], errors: [{ messageId: 'age', row: 2 }] },
  ],
});
