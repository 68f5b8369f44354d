import { Rule } from '../rule';

const rule: Rule = {
  meta: {
    id: 'A03',
    category: 'A',
    colour: 'red',
    title: { zh: '与三定规定不符', en: 'Does not match the mandate' },
    action: { zh: '按“三定”规定调整执法职权', en: 'Align the powers with the mandate' },
    source: { zh: '通知三.1（一）', en: 'Notice 3.1 (1)' },
    messages: { mismatch: { zh: '行使的执法权与“三定”规定不符。', en: 'The powers do not match the body’s mandate (三定).' } },
  },
  check(ctx) {
    for (const a of ctx.agencies) {
      if (a.str('matchesMandate') === '否') ctx.report({ table: 'agency', rec: a, field: 'matchesMandate', messageId: 'mismatch' });
    }
  },
};
export default rule;
