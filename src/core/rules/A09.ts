import { Rule } from '../rule';

const rule: Rule = {
  meta: {
    id: 'A09',
    category: 'A',
    colour: 'red',
    title: { zh: '授权或综合执法缺授权依据', en: 'Authorised or consolidated body without authorisation basis' },
    action: { zh: '补充授权依据，符合综合执法改革要求', en: 'Add the authorisation basis' },
    source: { zh: '通知三.1（三）', en: 'Notice 3.1 (3)' },
    messages: {
      noAuthorisation: { zh: '主体类型为「{type}」，但未填写授权依据。', en: 'Body type "{type}" but no authorisation basis.' },
    },
  },
  check(ctx) {
    for (const a of ctx.agencies) {
      const type = a.str('agencyType');
      if ((type === '综合行政执法机构' || type === '法律法规授权组织') && a.empty('authorisationBasis')) {
        ctx.report({ table: 'agency', rec: a, field: 'authorisationBasis', messageId: 'noAuthorisation', data: { type } });
      }
    }
  },
};
export default rule;
