import { holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('P01', {
  valid: [
    { name: 'established staff', people: [holder({ staffCategory: '行政编制' }), holder({ staffCategory: '参公事业编制' })] },
    { name: 'a contract worker without a certificate', people: [holder({ staffCategory: '合同制', certStatus: '未持证', certNumber: null })] },
  ],
  invalid: [
    { name: 'labour-dispatch holder', people: [holder({ staffCategory: '劳务派遣' })], errors: [{ messageId: 'nonFormal', row: 2, column: '人员类别', colour: 'red' }] },
    { name: '合同工 applying', people: [holder({ staffCategory: '合同工', certStatus: '申领中', certNumber: null })], errors: [{ messageId: 'nonFormal', row: 2, colour: 'red' }] },
    { name: '协管员 (a variant of 执法辅助人员)', people: [holder({ staffCategory: '协管员' })], errors: [{ messageId: 'nonFormal', row: 2 }] },
  ],
});
