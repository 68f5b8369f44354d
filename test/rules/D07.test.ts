import { body, check, holder } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
ruleTester('D07', {
  valid: [
    { name: 'value variants clerks use', people: [
      holder({ staffCategory: '公务员' }), holder({ staffCategory: '参公' }), holder({ onEnforcementPost: '√' }),
      holder({ onEnforcementPost: 'Y' }), holder({ onEnforcementPost: '有' }), holder({ certStatus: '有效' }),
      holder({ staffCategory: '参公人员' }), holder({ certStatus: '正常使用' }), holder({ employmentStatus: '在职' })] },
  ],
  invalid: [
    { name: 'a value not in the list, with a suggestion', people: [holder({ staffCategory: '在编' })], errors: [{ messageId: 'notInList', row: 2, column: '人员类别' }] },
    { name: 'yes/no written another way', people: [holder({ onEnforcementPost: '不确定' })], errors: [{ messageId: 'notInList', row: 2, column: '是否在执法岗位' }] },
    { name: 'an agency type', agencies: [body({ agencyType: '事业单位' })], errors: [{ messageId: 'notInList', row: 2, column: '主体类型' }] },
  ],
});

describe('D07 suggestion', () => {
  it('names the nearest allowed value', () => {
    const r = check([holder({ certStatus: '已注消' })]);
    expect(r.findings.find((f) => f.rule === 'D07')?.message).toContain('是否应为「已注销」');
  });
});
