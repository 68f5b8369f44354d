import { body, holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('D05', {
  valid: [
    { name: 'every date form clerks type', people: [
      holder({ issueDate: '2024-06-01' }), holder({ issueDate: '2024.6.1' }), holder({ issueDate: '2024/6/1' }),
      holder({ issueDate: '2024年6月1日' }), holder({ issueDate: '20240601' }), holder({ issueDate: 20240601 }),
      holder({ issueDate: 45444 }), holder({ issueDate: '２０２４－０６－０１' })] },
  ],
  invalid: [
    { name: 'month 13', people: [holder({ issueDate: '2021-13-01' })], errors: [{ messageId: 'unreadable', row: 2, column: '发证日期' }] },
    { name: 'words', people: [holder({ expiryDate: '长期有效' })], errors: [{ messageId: 'unreadable', row: 2, column: '有效期至' }] },
    { name: 'an error value', people: [holder({ expiryDate: { error: '#N/A' } })], errors: [{ messageId: 'unreadable', row: 2 }] },
    { name: 'an agency date', agencies: [body({ agencyType: '受委托组织', entrustmentEnd: '明年' })], errors: [{ messageId: 'unreadable', row: 2, column: '委托期限止' }] },
  ],
});
