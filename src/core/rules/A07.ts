import { Rule } from '../rule';

const rule: Rule = {
  meta: {
    id: 'A07',
    category: 'A',
    colour: 'yellow',
    title: { zh: '委托书未公示', en: 'Entrustment not publicised' },
    action: { zh: '公示委托书', en: 'Publish the letter of entrustment' },
    source: { zh: '通知三.1（二）', en: 'Notice 3.1 (2)' },
    messages: { notPublicised: { zh: '委托书尚未公示。', en: 'The letter of entrustment has not been made public.' } },
  },
  check(ctx) {
    for (const a of ctx.agencies) {
      if (a.str('agencyType') === '受委托组织' && a.str('entrustmentPublicised') === '否') ctx.report({ table: 'agency', rec: a, field: 'entrustmentPublicised', messageId: 'notPublicised' });
    }
  },
};
export default rule;
