import { body, day } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';

const entrusted = { agencyType: '受委托组织', managesPublicAffairs: '是', entrustingAgency: '县局', entrustmentBasis: '某条例', entrustmentStart: day(-10), entrustmentEnd: day(500), entrustmentPublicised: '是', entrustsCoercion: '否' };
ruleTester('A07', {
  valid: [{ name: 'publicised', agencies: [body(entrusted)] }],
  invalid: [{ name: 'not publicised', agencies: [body({ ...entrusted, entrustmentPublicised: '否' })], errors: [{ messageId: 'notPublicised', row: 2, colour: 'yellow' }] }],
});
