import { body, day } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';

const entrusted = { agencyType: '受委托组织', managesPublicAffairs: '是', entrustingAgency: '县局', entrustmentBasis: '某条例', entrustmentStart: day(-10), entrustmentEnd: day(500), entrustmentPublicised: '是', entrustsCoercion: '否' };
ruleTester('A04', {
  valid: [{ name: 'complete entrustment', agencies: [body(entrusted)] }, { name: 'an administrative organ needs none', agencies: [body()] }],
  invalid: [
    { name: 'no basis', agencies: [body({ ...entrusted, entrustmentBasis: null })], errors: [{ messageId: 'missing', row: 2, column: '委托依据', colour: 'red' }] },
    { name: 'neither basis nor entrusting body', agencies: [body({ ...entrusted, entrustmentBasis: null, entrustingAgency: '' })],
      errors: [{ messageId: 'missing', row: 2, column: '委托机关' }, { messageId: 'missing', row: 2, column: '委托依据' }] },
  ],
});
