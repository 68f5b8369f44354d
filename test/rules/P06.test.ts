import { holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('P06', {
  valid: [{ name: 'passed or pending', people: [holder({ annualReview: '通过' }), holder({ annualReview: '待年审' })] }],
  invalid: [{ name: 'failed (不合格)', people: [holder({ annualReview: '不合格' })], errors: [{ messageId: 'failed', row: 2, colour: 'red' }] }],
});
