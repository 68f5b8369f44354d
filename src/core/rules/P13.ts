import { Rule } from '../rule';

const rule: Rule = {
  meta: {
    id: 'P13',
    category: 'P',
    colour: 'yellow',
    title: { zh: '证件暂扣', en: 'Certificate withheld' },
    action: { zh: '暂停执法，待恢复或注销', en: 'Suspend enforcement until restored or cancelled' },
    source: { zh: '推定', en: 'Inferred' },
    messages: { withheld: { zh: '证件被暂扣，暂停执法，待恢复或注销。', en: 'The certificate is withheld; suspend enforcement.' } },
  },
  check(ctx) {
    for (const p of ctx.people) {
      if (p.certStatus === '暂扣') ctx.report({ table: 'person', rec: p, field: 'certStatus', messageId: 'withheld' });
    }
  },
};
export default rule;
