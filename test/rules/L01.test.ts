import { day, holder } from '../helpers/grid';
import { event, recordsRuleTester } from '../helpers/ledger';

const a = holder({ certNumber: 'ZS-L01-A' });
const gone = holder({ certNumber: 'ZS-L01-B', certStatus: '已收回', employmentStatus: '退休', departureDate: day(-20), onEnforcementPost: '否' });
recordsRuleTester('L01', {
  valid: [
    { name: 'no ledger sheet', people: [holder({ certStatus: '挂失' })] },
    { name: 'issued, then reviewed: 正常', people: [a], ledger: [event(a, '发放', day(-300)), event(a, '年审', day(-30))] },
    { name: 'cancelled then recovered, the roster says 已收回', people: [gone], ledger: [event(gone, '发放', day(-900)), event(gone, '注销', day(-15)), event(gone, '收回', day(-15))] },
    { name: 'cancelled last, the roster says 已收回 (either will do)', people: [gone], ledger: [event(gone, '发放', day(-900)), event(gone, '收回', day(-16)), event(gone, '注销', day(-15))] },
  ],
  invalid: [
    {
      name: 'reported lost in the ledger, 正常 in the roster',
      people: [a], ledger: [event(a, '发放', day(-300)), event(a, '挂失', day(-10))],
      errors: [{ messageId: 'mismatch', sheet: '证件台账', row: 3, column: '事项', colour: 'yellow' }],
    },
    {
      name: 'events in date order, not row order: the later 暂扣 on row 2 is the last',
      people: [a], ledger: [event(a, '暂扣', day(-5)), event(a, '发放', day(-300))],
      errors: [{ messageId: 'mismatch', sheet: '证件台账', row: 2, column: '事项', colour: 'yellow' }],
    },
  ],
});
