import { DEFAULT_PROFILE, mergeProfile } from '../../src/core/profile';
import { day, holder } from '../helpers/grid';
import { event, recordsRuleTester } from '../helpers/ledger';

const left = (departed: number, over = {}) =>
  holder({ employmentStatus: '退休', departureDate: day(departed), certStatus: '已注销', onEnforcementPost: '否', ...over });
const p = left(-60);
const other = holder();
const otherEvent = event(other, '发放', day(-400));
recordsRuleTester('L02', {
  valid: [
    { name: 'no ledger sheet', people: [p] },
    { name: 'recovered and cancelled within 30 days', people: [p], ledger: [event(p, '发放', day(-900)), event(p, '收回', day(-50)), event(p, '注销', day(-31))] },
    { name: 'on duty', people: [holder()], ledger: [otherEvent] },
    { name: 'died: not one of the notice\'s 调离、退休、辞职、辞退', people: [left(-60, { employmentStatus: '死亡' })], ledger: [otherEvent] },
    { name: 'never held a certificate', people: [left(-60, { certStatus: '未持证', certNumber: null })], ledger: [otherEvent] },
  ],
  invalid: [
    {
      name: 'overdue: only cancelled, 60 days after leaving (the finding on the cancellation row)',
      people: [p], ledger: [event(p, '发放', day(-900)), event(p, '注销', day(-50))],
      errors: [{ messageId: 'overdue', sheet: '证件台账', row: 3, column: '事项', colour: 'red' }],
    },
    {
      name: 'overdue with nothing in the ledger: on the roster\'s 离岗日期',
      people: [p], ledger: [otherEvent],
      errors: [{ messageId: 'overdue', sheet: '执法人员', row: 2, column: '离岗日期', colour: 'red' }],
    },
    {
      name: 'a recovery before the last issue was of an older certificate',
      people: [p], ledger: [event(p, '收回', day(-2000)), event(p, '注销', day(-2000)), event(p, '发放', day(-900))],
      errors: [{ messageId: 'overdue', sheet: '执法人员', row: 2, column: '离岗日期', colour: 'red' }],
    },
    {
      name: 'pending: left 10 days ago, nothing yet',
      people: [left(-10, { certStatus: '正常', onEnforcementPost: '是' })], ledger: [otherEvent],
      errors: [{ messageId: 'pending', sheet: '执法人员', row: 2, column: '离岗日期', colour: 'yellow' }],
    },
    {
      name: 'late: cancelled 40 days after leaving',
      people: [p], ledger: [event(p, '发放', day(-900)), event(p, '收回', day(-55)), event(p, '注销', day(-20))],
      errors: [{ messageId: 'late', sheet: '证件台账', row: 4, column: '日期', colour: 'yellow' }],
    },
    {
      name: 'the profile\'s 90 days make the overdue case pending',
      people: [p], ledger: [event(p, '发放', day(-900)), event(p, '注销', day(-50))],
      profile: mergeProfile(DEFAULT_PROFILE, { rules: { L02: { options: { days: 90 } } } }),
      errors: [{ messageId: 'pending', sheet: '证件台账', row: 3, column: '事项', colour: 'yellow' }],
    },
  ],
});
