import { holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('D13', {
  valid: [{ name: 'clean values', people: [holder(), holder()] }],
  invalid: [
    { name: 'reported once per column', people: [holder({ name: '张 三' }), holder({ name: '李四\n' }), holder()],
      errors: [{ messageId: 'stray', row: 2, column: '姓名', level: 'info' }] },
  ],
});
