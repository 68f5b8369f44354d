import { reportOverLimit } from '../holders';
import { Rule } from '../rule';

const rule: Rule = {
  meta: {
    id: 'A11',
    category: 'A',
    colour: 'red',
    title: { zh: '持证人数超执法岗位数', en: 'Holders exceed the enforcement posts' },
    action: { zh: '清理超岗持证人员，收回证件', en: 'Recover the certificates beyond the posts' },
    source: { zh: '通知三.2（三）', en: 'Notice 3.2 (3)' },
    messages: {
      over: { zh: '持证（含申领）{holders}人，超过执法岗位数{limit}人，超出{excess}人。', en: '{holders} holders (applications included) exceed the {limit} enforcement posts by {excess}.' },
    },
  },
  check(ctx) {
    reportOverLimit(ctx, 'enforcementPosts');
  },
};
export default rule;
