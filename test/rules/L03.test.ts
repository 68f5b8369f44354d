import { day, holder } from '../helpers/grid';
import { event, recordsRuleTester } from '../helpers/ledger';

const a = holder();
recordsRuleTester('L03', {
  valid: [
    { name: 'applied, issued, reviewed, lost, reissued', people: [a], ledger: [event(a, '申领', day(-400), { certNumber: null }), event(a, '发放', day(-380)), event(a, '年审', day(-100)), event(a, '挂失', day(-50)), event(a, '补办', day(-40))] },
    { name: 'recovered, then cancelled, then issued anew', people: [a], ledger: [event(a, '发放', day(-900)), event(a, '收回', day(-300)), event(a, '注销', day(-300)), event(a, '发放', day(-10))] },
  ],
  invalid: [
    {
      name: 'lost before any issue',
      people: [a], ledger: [event(a, '挂失', day(-50)), event(a, '发放', day(-40))],
      errors: [{ messageId: 'beforeIssue', sheet: '证件台账', row: 2, column: '事项', colour: 'yellow' }],
    },
    {
      name: 'reviewed after recovery',
      people: [a], ledger: [event(a, '发放', day(-900)), event(a, '收回', day(-300)), event(a, '年审', day(-30))],
      errors: [{ messageId: 'afterRecovery', sheet: '证件台账', row: 4, column: '事项', colour: 'yellow' }],
    },
  ],
});
