import { day, holder } from '../helpers/grid';
import { event, recordsRuleTester } from '../helpers/ledger';

const a = holder({ certNumber: 'ZS-NEW-2' });
recordsRuleTester('L04', {
  valid: [
    { name: 'replaced with a new number', people: [a], ledger: [event(a, '发放', day(-900), { certNumber: 'ZS-OLD-1' }), event(a, '更换', day(-10), { certNumber: 'ZS-NEW-2' })] },
    { name: 'the same number spaced differently on a lost-and-found', people: [a], ledger: [event(a, '发放', day(-900)), event(a, '挂失', day(-10), { certNumber: ' ZS-NEW-2' })] },
  ],
  invalid: [
    {
      name: 'replaced without a number',
      people: [a], ledger: [event(a, '发放', day(-900), { certNumber: 'ZS-OLD-1' }), event(a, '更换', day(-10), { certNumber: null })],
      errors: [{ messageId: 'missing', sheet: '证件台账', row: 3, column: '执法证号', colour: 'yellow' }],
    },
    {
      name: 'replaced with the old number',
      people: [a], ledger: [event(a, '发放', day(-900), { certNumber: 'ZS-OLD-1' }), event(a, '更换', day(-10), { certNumber: 'ZS-OLD-1' })],
      errors: [{ messageId: 'same', sheet: '证件台账', row: 3, column: '执法证号', colour: 'yellow' }],
    },
  ],
});
