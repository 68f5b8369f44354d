import { body } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('A09', {
  valid: [{ name: 'an authorised body with its basis', agencies: [body({ agencyType: '法律法规授权组织', authorisationBasis: '某法第十条' })] }],
  invalid: [
    { name: 'a consolidated body without one', agencies: [body({ agencyType: '综合行政执法机构' })], errors: [{ messageId: 'noAuthorisation', row: 2, column: '授权依据', colour: 'red' }] },
    { name: 'the long type name with its bracket', agencies: [body({ agencyType: '综合行政执法机构（相对集中行政执法权）' })], errors: [{ messageId: 'noAuthorisation', row: 2 }] },
  ],
});
