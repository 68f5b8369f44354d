import { checkDigit } from '../idnumber';
import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';
import { isCellError } from '../types';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  if (!p.hasIdNumber) {
    const raw = p.raw('idNumber');
    if (isCellError(raw)) ctx.report({ table: 'person', rec: p, field: 'idNumber', messageId: 'errorValue', data: { value: raw.error } });
    return;
  }
  const problem = p.idProblem;
  if (problem === undefined) return;
  const value = p.idNumber!;
  const data: Record<string, string | number> = { value, length: value.length };
  if (problem === 'checkDigit') data.expected = checkDigit(value);
  ctx.report({ table: 'person', rec: p, field: 'idNumber', messageId: problem, data });
}

const rule: Rule = {
  meta: {
    id: 'D02',
    category: 'D',
    level: 'error',
    title: { zh: '身份证号码无效', en: 'Invalid ID number' },
    action: { zh: '核对身份证原件后更正', en: 'Check against the ID card and correct it' },
    source: { zh: 'GB 11643-1999 公民身份号码', en: 'GB 11643-1999' },
    messages: {
      length: { zh: '身份证号码「{value}」长度为{length}位，应为18位。', en: 'ID number "{value}" has {length} characters; it must have 18.' },
      characters: { zh: '身份证号码「{value}」含非法字符：前17位应为数字，末位为数字或X。', en: 'ID number "{value}" has invalid characters: 17 digits then a digit or X.' },
      region: { zh: '身份证号码「{value}」的地区码不存在。', en: 'ID number "{value}" has no valid region code.' },
      birthDate: { zh: '身份证号码「{value}」中的出生日期不存在或晚于核查日期。', en: 'ID number "{value}" has an impossible birth date.' },
      checkDigit: { zh: '身份证号码「{value}」校验位错误（应为{expected}），可能有数字录错。', en: 'ID number "{value}" fails its check digit (expected {expected}); a digit is probably mistyped.' },
      errorValue: { zh: '身份证号码是错误值 {value}，请录入号码。', en: 'The ID number is the error value {value}; enter the number.' },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
