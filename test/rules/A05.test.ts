import { body, day } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';

const entrusted = { agencyType: '受委托组织', managesPublicAffairs: '是', entrustingAgency: '县局', entrustmentBasis: '某条例', entrustmentStart: day(-10), entrustmentEnd: day(500), entrustmentPublicised: '是', entrustsCoercion: '否' };
ruleTester('A05', {
  valid: [{ name: 'manages public affairs', agencies: [body(entrusted)] }],
  invalid: [{ name: 'does not', agencies: [body({ ...entrusted, managesPublicAffairs: '否' })], errors: [{ messageId: 'noPublicAffairs', row: 2, colour: 'red' }] }],
});
