import { body, day, holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('D01', {
  valid: [
    { name: 'a complete holder', people: [holder()] },
    { name: 'no certificate needs no certificate fields', people: [holder({ certStatus: '未持证', certNumber: null, certVersion: null, issueDate: null, expiryDate: null, annualTrainingHours: null })] },
    { name: 'an entrusted body with every entrustment field', agencies: [body({ agencyType: '受委托组织', managesPublicAffairs: '是', entrustingAgency: '县局', entrustmentBasis: '某条例', entrustmentStart: day(-10), entrustmentEnd: day(500), entrustmentPublicised: '是', entrustsCoercion: '否' })] },
  ],
  invalid: [
    { name: 'empty name', people: [holder({ name: null })], errors: [{ messageId: 'required', row: 2, column: '姓名' }] },
    { name: 'spaces only count as empty', people: [holder({ staffCategory: '  ' })], errors: [{ messageId: 'required', row: 2, column: '人员类别' }] },
    { name: 'departed without a date', people: [holder({ employmentStatus: '退休', certStatus: '已注销' })], errors: [{ messageId: 'requiredIfDeparted', row: 2, column: '离岗日期' }] },
    { name: 'a live certificate without its number', people: [holder(), holder({ certNumber: '' })], errors: [{ messageId: 'requiredIfCertificate', row: 3, column: '执法证号' }] },
    { name: 'transferred in without training or review', people: [holder({ transferInDate: day(-30) })], errors: [
      { messageId: 'requiredIfTransfer', row: 2, column: '新领域培训学时' }, { messageId: 'requiredIfTransfer', row: 2, column: '换证审核' }] },
    { name: 'an entrusted body without its dates', agencies: [body({ agencyType: '受委托组织', managesPublicAffairs: '是', entrustingAgency: '县局', entrustmentBasis: '某条例', entrustmentPublicised: '是', entrustsCoercion: '否' })],
      errors: [{ messageId: 'requiredIfEntrusted', row: 2, column: '委托期限起' }, { messageId: 'requiredIfEntrusted', row: 2, column: '委托期限止' }] },
    { name: 'an error value in a text field', people: [holder({ name: { error: '#REF!' } })], errors: [{ messageId: 'errorValue', row: 2, column: '姓名' }] },
  ],
});
