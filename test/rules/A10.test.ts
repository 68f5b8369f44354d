import { body, holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('A10', {
  valid: [
    { name: 'as many holders as establishment', people: [holder(), holder()], agencies: [body({ establishment: 2 })] },
    { name: 'cancelled certificates do not count', people: [holder(), holder({ certStatus: '已注销' })], agencies: [body({ establishment: 1, enforcementPosts: 5 })] },
  ],
  invalid: [
    { name: 'applications count as holders', people: [holder(), holder({ certStatus: '申领中', certNumber: null })], agencies: [body({ establishment: 1, enforcementPosts: 5 })],
      errors: [{ messageId: 'over', row: 2, column: '编制数', colour: 'red' }] },
  ],
});
