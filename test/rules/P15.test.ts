import { body, check, day, holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('P15', {
  valid: [
    { name: 'a sound body', people: [holder()] },
    { name: 'a yellow body finding does not pass on', people: [holder()], agencies: [body({ agencyType: '受委托组织', managesPublicAffairs: '是', entrustingAgency: '县局', entrustmentBasis: '某条例', entrustmentStart: day(-10), entrustmentEnd: day(500), entrustmentPublicised: '否', entrustsCoercion: '否' })] },
  ],
  invalid: [
    { name: 'the body has no legal basis', people: [holder(), holder({ certStatus: '已注销' })], agencies: [body({ legalBasis: null })], errors: [{ messageId: 'body', row: 2, column: '执法主体', colour: 'yellow' }] },
  ],
});

describe('P15 and the profile', () => {
  it('does not fire when the body rule is switched off', () => {
    const { DEFAULT_PROFILE, mergeProfile } = require('../../src/core/profile');
    const profile = mergeProfile(DEFAULT_PROFILE, { rules: { A01: { enabled: false } } });
    const r = check([holder()], [body({ legalBasis: null })], profile);
    expect(r.findings.map((f) => f.rule)).toEqual([]);
  });
});
