import { day, holder } from '../helpers/grid';
import { course, recordsRuleTester } from '../helpers/ledger';

const a = holder();
const b = holder();
// CHECK_DATE is 2024-06-05: day(-200) is in 2023
recordsRuleTester('L07', {
  valid: [
    { name: 'no training sheet', people: [a] },
    { name: 'two courses of 30 hours, attended by two people', people: [a, b],
      training: [course(a, 30, day(-60)), course(b, 30, day(-60)), course(a, 30, day(-30), { course: '行政复议法培训' })] },
  ],
  invalid: [
    {
      name: 'one 40-hour course and a 民法 one: the 民法 course does not count, nor last year\'s',
      people: [a, b],
      training: [course(a, 40, day(-60)), course(b, 40, day(-60)), course(a, 30, day(-30), { category: '民法', course: '民法典' }), course(a, 40, day(-200), { course: '旧课' })],
      errors: [{ messageId: 'short', sheet: '培训记录', row: 1, column: '培训名称', colour: 'yellow' }],
    },
  ],
});
