import { hoursText } from '../ledger';
import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  const rec = ctx.records!.annualHours(p);
  const typed = p.annualTrainingHours;
  if (!rec || typed === undefined || Math.abs(typed - rec.counted) < 0.005) return;
  const min = ctx.params.annualTrainingHours;
  const excluded = rec.excluded > 0 ? `（另有${rec.excludedCategories.join('、')}${hoursText(rec.excluded)}学时不计入）` : '';
  const excludedEn = rec.excluded > 0 ? ` (besides ${hoursText(rec.excluded)} h of ${rec.excludedCategories.join(', ')}, which do not count)` : '';
  // notice 三.4: hours beyond the requirement may be converted into the assessment's score
  const extra = rec.counted > min ? `超出${min}学时的${hoursText(rec.counted - min)}学时可按规定折算成绩。` : '';
  const extraEn = rec.counted > min ? ` The ${hoursText(rec.counted - min)} h beyond ${min} h may be converted into the score.` : '';
  ctx.report({ table: 'person', rec: p, field: 'annualTrainingHours', messageId: 'differs',
    data: { typed: hoursText(typed), counted: hoursText(rec.counted), year: ctx.records!.year, excluded, excludedEn, extra, extraEn } });
}

const rule: Rule = {
  meta: {
    id: 'D14',
    category: 'D',
    level: 'error',
    title: { zh: '年度培训学时与培训记录不符', en: 'Annual training hours disagree with the training records' },
    action: { zh: '按培训记录更正年度培训学时，或补全培训记录', en: 'Correct the hours from the records, or complete the records' },
    source: { zh: '通知三.4（完善年度学习培训记录）、三.5（学习培训记录准确性审核）', en: 'Notice 3.4, 3.5 (training records)' },
    messages: {
      differs: {
        zh: '填报年度培训{typed}学时，培训记录中{year}年计入的为{counted}学时{excluded}，两者不一致。{extra}',
        en: 'The roster says {typed} h; the training records give {counted} h for {year}{excludedEn}.{extraEn}',
      },
    },
  },
  check(ctx) {
    // only workbooks with 培训记录 rows: the rest pay nothing
    if (ctx.training.length === 0 || !ctx.records) return;
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
