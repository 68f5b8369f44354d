import { reportOverLimit } from '../holders';
import { Rule } from '../rule';

const rule: Rule = {
  meta: {
    id: 'A10',
    category: 'A',
    colour: 'red',
    title: { zh: '持证人数超编制数', en: 'Holders exceed the establishment' },
    action: { zh: '清理超编持证人员，收回证件', en: 'Recover the certificates beyond the establishment' },
    source: { zh: '通知三.2（三）', en: 'Notice 3.2 (3)' },
    messages: {
      over: { zh: '持证（含申领）{holders}人，超过编制数{limit}人，超出{excess}人。', en: '{holders} holders (applications included) exceed the establishment of {limit} by {excess}.' },
    },
  },
  check(ctx) {
    reportOverLimit(ctx, 'establishment');
  },
};
export default rule;
