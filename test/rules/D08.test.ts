import { holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('D08', {
  valid: [{ name: 'different people', people: [holder(), holder()] }],
  invalid: [
    { name: 'one ID number on two rows', people: [holder({ idNumber: '11010519491231002X' }), holder(), holder({ idNumber: '11010519491231002x' })],
      errors: [{ messageId: 'duplicate', row: 2 }, { messageId: 'duplicate', row: 4 }] },
  ],
});
