import { holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('D09', {
  valid: [
    { name: 'distinct numbers', people: [holder(), holder()] },
    { name: 'the same person twice is D08, not D09', people: [holder({ idNumber: '11010519491231002X', certNumber: 'A1' }), holder({ idNumber: '11010519491231002X', certNumber: 'A1' })] },
  ],
  invalid: [
    { name: 'one certificate number on two people', people: [holder({ certNumber: 'ZS001' }), holder({ certNumber: ' ZS001 ' })],
      errors: [{ messageId: 'duplicate', row: 2, column: '执法证号' }, { messageId: 'duplicate', row: 3 }] },
  ],
});
