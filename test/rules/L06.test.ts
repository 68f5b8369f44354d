import { day, holder } from '../helpers/grid';
import { event, recordsRuleTester } from '../helpers/ledger';

const a = holder({ certNumber: 'ZS-2024-001' });
const b = holder({ certNumber: 'ZS-2024-002' });
recordsRuleTester('L06', {
  valid: [
    { name: 'one person\'s events share their number', people: [a], ledger: [event(a, '发放', day(-300)), event(a, '年审', day(-30)), event(a, '挂失', day(-3))] },
    { name: 'two people, two numbers', people: [a, b], ledger: [event(a, '发放', day(-300)), event(b, '发放', day(-300))] },
  ],
  invalid: [
    {
      name: 'b\'s issue carries a\'s number (spaced): one finding per person, on their first row',
      people: [a, b], ledger: [event(a, '发放', day(-300)), event(a, '年审', day(-30)), event(b, '发放', day(-20), { certNumber: 'ZS-2024 -001' })],
      errors: [
        { messageId: 'shared', sheet: '证件台账', row: 2, column: '执法证号', colour: 'red' },
        { messageId: 'shared', sheet: '证件台账', row: 4, column: '执法证号', colour: 'red' },
      ],
    },
  ],
});
