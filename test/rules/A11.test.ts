import { body, holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('A11', {
  valid: [{ name: 'within posts', people: [holder()], agencies: [body({ enforcementPosts: 1 })] }],
  invalid: [
    { name: 'more holders than posts', people: [holder(), holder(), holder()], agencies: [body({ establishment: 10, enforcementPosts: 2 })],
      errors: [{ messageId: 'over', row: 2, column: '执法岗位数', colour: 'red' }] },
  ],
});
