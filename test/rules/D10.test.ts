import { holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('D10', {
  valid: [
    { name: 'the body is listed', people: [holder()] },
    { name: 'spaces do not matter', people: [holder({ agency: ' 柞水县 城市管理执法局' })] },
  ],
  invalid: [
    { name: 'an unknown body', people: [holder({ agency: '营盘镇综合执法办' })], errors: [{ messageId: 'notFound', row: 2, column: '执法主体' }] },
    { name: 'no bodies sheet at all: one finding, not one per row', people: [holder(), holder()], agencies: null, errors: [{ messageId: 'noAgencySheet', row: 1 }] },
  ],
});
