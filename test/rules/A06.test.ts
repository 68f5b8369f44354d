import { body, day } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';

const entrusted = { agencyType: '受委托组织', managesPublicAffairs: '是', entrustingAgency: '县局', entrustmentBasis: '某条例', entrustmentStart: day(-10), entrustmentEnd: day(500), entrustmentPublicised: '是', entrustsCoercion: '否' };
ruleTester('A06', {
  valid: [{ name: 'ends in 91 days', agencies: [body({ ...entrusted, entrustmentEnd: day(91) })] }],
  invalid: [
    { name: 'ended yesterday: red', agencies: [body({ ...entrusted, entrustmentEnd: day(-1) })], errors: [{ messageId: 'expired', row: 2, column: '委托期限止', colour: 'red' }] },
    { name: 'ends in 90 days: yellow', agencies: [body({ ...entrusted, entrustmentEnd: day(90) })], errors: [{ messageId: 'expiring', row: 2, colour: 'yellow' }] },
  ],
});
