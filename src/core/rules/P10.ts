import { z } from 'zod';
import { TRAINING_CATEGORIES } from '../fields';
import { hoursText } from '../ledger';
import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** 问题说明 for a holder with the 法律职业资格: notice 三.4 exempts them from the exam, not from the hours. */
const LEGAL = { zh: '已取得法律职业资格，可免于参加证件考试，但年度学习培训学时不因此免除。', en: ' Holds the legal qualification: exempt from the certificate exam, not from the training hours.' };

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  if (!p.live) return;
  const min = ctx.params.annualTrainingHours;
  // 培训记录 rows of the check's year, when there are any for this person, stand for the typed hours
  const rec = ctx.records?.annualHours(p) ?? null;
  const hours = rec ? rec.counted : p.annualTrainingHours;
  if (hours === undefined || hours < 0 || hours >= min) return;
  const legal = p.str('hasLegalQualification') === '是';
  const note = legal ? LEGAL.zh : '', noteEn = legal ? LEGAL.en : '';
  if (!rec) {
    ctx.report({ table: 'person', rec: p, field: 'annualTrainingHours', messageId: 'short', data: { hours, min, note, noteEn } });
    return;
  }
  const excluded = rec.excluded > 0 ? `（${rec.excludedCategories.join('、')}等${hoursText(rec.excluded)}学时不计入，通知三.4）` : '';
  const excludedEn = rec.excluded > 0 ? ` (${hoursText(rec.excluded)} h of ${rec.excludedCategories.join(', ')} do not count)` : '';
  ctx.report({ table: 'person', rec: p, field: 'annualTrainingHours', messageId: 'shortRecords',
    data: { hours: hoursText(rec.counted), min, year: ctx.records!.year, excluded, excludedEn, note, noteEn } });
}

const rule: Rule = {
  meta: {
    id: 'P10',
    category: 'P',
    colour: 'yellow',
    title: { zh: '年度培训学时不足', en: 'Annual training hours short' },
    action: { zh: '补足学时，否则年审不予通过', en: 'Make up the hours, or the annual review fails' },
    source: { zh: '通知三.4', en: 'Notice 3.4' },
    messages: {
      short: { zh: '年度培训{hours}学时，不足{min}学时。{note}', en: 'Annual training is {hours} h, below {min} h.{noteEn}' },
      shortRecords: {
        zh: '据培训记录，{year}年计入执法业务学习培训{hours}学时{excluded}，不足{min}学时。{note}',
        en: 'The training records give {hours} h for {year}{excludedEn}, below {min} h.{noteEn}',
      },
    },
    options: [{
      key: 'excludedCategories',
      title: { zh: '不计入年度学时的培训内容类别（通知三.4：不得以民法、刑事法等代替执法业务学习培训）', en: 'Training categories that do not count towards the annual hours' },
      default: ['民法', '刑事法'],
      schema: z.array(z.enum(TRAINING_CATEGORIES)),
    }],
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
