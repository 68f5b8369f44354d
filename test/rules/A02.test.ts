import { body } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('A02', {
  valid: [{ name: 'in force', agencies: [body({ basisCurrent: '√' })] }],
  invalid: [{ name: 'not in force', agencies: [body({ basisCurrent: '否' })], errors: [{ messageId: 'notCurrent', row: 2, colour: 'red' }] }],
});
