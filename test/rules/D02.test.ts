import { holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('D02', {
  valid: [
    { name: 'a valid number', people: [holder({ idNumber: '11010519491231002X' })] },
    { name: 'lower-case x is normalised', people: [holder({ idNumber: '11010519491231002x' })] },
    { name: 'full-width digits are normalised', people: [holder({ idNumber: '１１０１０５１９４９１２３１００２X' })] },
  ],
  invalid: [
    { name: 'wrong check digit', people: [holder({ idNumber: '110105194912310021' })], errors: [{ messageId: 'checkDigit', row: 2, column: '身份证号码' }] },
    { name: 'too short', people: [holder({ idNumber: '61102619800101' })], errors: [{ messageId: 'length', row: 2 }] },
    { name: 'letters inside', people: [holder({ idNumber: '6110261980O1011234' })], errors: [{ messageId: 'characters', row: 2 }] },
    { name: 'no such birth date', people: [holder({ idNumber: '611026198002301234' })], errors: [{ messageId: 'birthDate', row: 2 }] },
    { name: 'no such region', people: [holder({ idNumber: '991026198001011234' })], errors: [{ messageId: 'region', row: 2 }] },
    { name: 'an error value', people: [holder({ idNumber: { error: '#N/A' } })], errors: [{ messageId: 'errorValue', row: 2 }] },
  ],
});
