import { body } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('A01', {
  valid: [{ name: 'a basis', agencies: [body()] }],
  invalid: [{ name: 'no basis', agencies: [body({ legalBasis: ' ' })], errors: [{ messageId: 'noBasis', row: 2, column: '执法依据', colour: 'red' }] }],
});
