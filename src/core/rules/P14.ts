import { ageOnYmd } from '../dates';
import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  const birth = p.birthYmd;
  if (birth === undefined || p.employmentStatus !== '在岗') return;
  const limit = p.idGender === '男' ? ctx.params.retirementAgeMale : ctx.params.retirementAgeFemale;
  const age = ageOnYmd(birth, ctx.checkDate);
  if (age >= limit) ctx.report({ table: 'person', rec: p, field: 'idNumber', messageId: 'age', data: { age, limit } });
}

const rule: Rule = {
  meta: {
    id: 'P14',
    category: 'P',
    colour: 'yellow',
    title: { zh: '已达退休年龄仍在岗', en: 'At retirement age but on duty' },
    action: { zh: '核实是否已退休', en: 'Verify whether the person has retired' },
    source: { zh: '推定（仅提示）', en: 'Inferred (a warning only)' },
    messages: {
      age: { zh: '按身份证号码计算已{age}岁，达到退休年龄{limit}岁，请核实是否已退休。', en: 'Aged {age} by the ID number, at or above the retirement age {limit}; verify.' },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
