import { Rule } from '../rule';

const rule: Rule = {
  meta: {
    id: 'A01',
    category: 'A',
    colour: 'red',
    title: { zh: '执法依据为空', en: 'No legal basis' },
    action: { zh: '补充法律、法规、规章依据；无依据的停止执法', en: 'Add the legal basis; stop enforcing without one' },
    source: { zh: '通知三.1（一）', en: 'Notice 3.1 (1)' },
    messages: { noBasis: { zh: '执法依据为空：行使的行政执法权必须有法定依据。', en: 'No legal basis is given for the enforcement powers.' } },
  },
  check(ctx) {
    for (const a of ctx.agencies) {
      if (a.empty('legalBasis')) ctx.report({ table: 'agency', rec: a, field: 'legalBasis', messageId: 'noBasis' });
    }
  },
};
export default rule;
