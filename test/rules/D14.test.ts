import { day, holder } from '../helpers/grid';
import { course, recordsRuleTester } from '../helpers/ledger';

const a = holder({ annualTrainingHours: 60 });
const b = holder({ annualTrainingHours: 40 });
recordsRuleTester('D14', {
  valid: [
    { name: 'no training sheet', people: [a] },
    { name: 'the records give the typed 40 (the 民法 hours left out)', people: [b], training: [course(b, 40, day(-30)), course(b, 20, day(-20), { category: '民法' })] },
    { name: 'records of last year only: the typed hours stand', people: [a], training: [course(a, 12, day(-200))] },
  ],
  invalid: [
    {
      name: 'typed 60, the records count 40 and 20 of 刑事法',
      people: [a], training: [course(a, 40, day(-30)), course(a, 20, day(-20), { category: '刑事法' })],
      errors: [{ messageId: 'differs', sheet: '执法人员', row: 2, column: '年度培训学时', colour: null, level: 'error' }],
    },
  ],
});
