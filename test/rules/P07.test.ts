import { holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('P07', {
  valid: [{ name: 'no sanction', people: [holder({ sanction: '无' }), holder({ sanction: null })] }],
  invalid: [
    { name: 'sanctioned', people: [holder({ sanction: '受党纪政纪处分' })], errors: [{ messageId: 'sanctioned', row: 2, colour: 'red' }] },
    { name: 'criminal penalty', people: [holder({ sanction: '受刑事处罚' })], errors: [{ messageId: 'sanctioned', row: 2, colour: 'red' }] },
    { name: 'under investigation is yellow', people: [holder({ sanction: '正在接受审查' })], errors: [{ messageId: 'review', row: 2, colour: 'yellow' }] },
  ],
});
