import { check, holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('D03', {
  valid: [{ name: 'an ID number stored as text', people: [holder()] }],
  invalid: [
    { name: 'an 18-digit number Excel rounded', people: [holder({ idNumber: 610126198001011200 })], errors: [{ messageId: 'asNumber', row: 2, column: '身份证号码' }] },
    { name: 'scientific notation typed as text', people: [holder({ idNumber: '6.10126E+17' })], errors: [{ messageId: 'asNumber', row: 2 }] },
  ],
});

describe('D03 instead of D02', () => {
  it('an ID stored as a number is not also reported as a checksum error', () => {
    const r = check([holder({ idNumber: 610126198001011200 })]);
    expect(r.findings.map((f) => f.rule)).toEqual(['D03']);
  });
});
