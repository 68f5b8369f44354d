import { Rule } from '../rule';

const rule: Rule = {
  meta: {
    id: 'A02',
    category: 'A',
    colour: 'red',
    title: { zh: '执法依据非现行有效', en: 'Legal basis not in force' },
    action: { zh: '按现行有效的法律、法规、规章重新梳理执法依据', en: 'Review the basis against current law' },
    source: { zh: '通知三.1（一）', en: 'Notice 3.1 (1)' },
    messages: { notCurrent: { zh: '执法依据已非现行有效，须按现行法律法规重新梳理。', en: 'The legal basis is no longer in force.' } },
  },
  check(ctx) {
    for (const a of ctx.agencies) {
      if (a.str('basisCurrent') === '否') ctx.report({ table: 'agency', rec: a, field: 'basisCurrent', messageId: 'notCurrent' });
    }
  },
};
export default rule;
