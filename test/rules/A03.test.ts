import { body } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('A03', {
  valid: [{ name: 'matches', agencies: [body()] }],
  invalid: [{ name: 'does not match (N)', agencies: [body({ matchesMandate: 'N' })], errors: [{ messageId: 'mismatch', row: 2, column: '与三定规定相符', colour: 'red' }] }],
});
