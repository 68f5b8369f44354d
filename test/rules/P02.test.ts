import { body, holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('P02', {
  valid: [
    { name: 'public-institution staff in an authorised body', people: [holder({ staffCategory: '事业编制' })], agencies: [body({ agencyType: '法律法规授权组织', authorisationBasis: '某法' })] },
  ],
  invalid: [
    { name: 'public-institution staff in an administrative organ', people: [holder({ staffCategory: '事业编制' })], errors: [{ messageId: 'institution', row: 2, colour: 'yellow' }] },
  ],
});
