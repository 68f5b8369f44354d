import { makeId } from '../../src/core/idnumber';
import { holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('D04', {
  valid: [
    { name: 'male with an odd 17th digit', people: [holder({ gender: '男', idNumber: makeId('611026', '19800101', '101') })] },
    { name: 'no gender given', people: [holder({ gender: null })] },
  ],
  invalid: [
    { name: 'female with an odd 17th digit', people: [holder({ gender: '女', idNumber: makeId('611026', '19800101', '101') })], errors: [{ messageId: 'mismatch', row: 2, column: '性别' }] },
  ],
});
