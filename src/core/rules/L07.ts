import { hoursText } from '../ledger';
import { Rule } from '../rule';
import { compact } from '../text';

const rule: Rule = {
  meta: {
    id: 'L07',
    category: 'L',
    colour: 'yellow',
    title: { zh: '年度培训课程学时合计不足', en: 'The year\'s courses add up to fewer hours than each holder needs' },
    action: { zh: '完善年度学习培训计划，增加执法业务培训课程，报县司法局备案审核', en: 'Extend the annual training plan with enforcement courses and file it with the county' },
    source: { zh: '通知三.4（年度学习培训计划报县司法局备案审核）', en: 'Notice 3.4 (annual training plan)' },
    messages: {
      short: {
        zh: '培训记录中{year}年计入学时的课程共{count}门、合计{sum}学时，少于每名持证人员每年应完成的{min}学时，即使全部参加也无法完成。',
        en: 'The {count} counted course(s) of {year} add up to {sum} h, below the {min} h each holder needs.',
      },
    },
  },
  check(ctx) {
    const records = ctx.records;
    if (ctx.training.length === 0 || !records) return;
    // a course is its name and date: each person's row of it repeats its hours
    const courses = new Map<string, number>();
    for (const t of ctx.training) {
      const d = t.date;
      if (d === undefined || d < records.yearStart || d > records.yearEnd || !records.counts(t)) continue;
      const key = `${compact(t.course ?? '')}|${d}`;
      courses.set(key, Math.max(courses.get(key) ?? 0, t.hours ?? 0));
    }
    let sum = 0;
    for (const h of courses.values()) sum += h;
    const min = ctx.params.annualTrainingHours;
    if (sum >= min) return;
    const table = ctx.training[0].table;
    ctx.report({ table: 'training', at: table, field: 'course', row: table.headerRows[table.headerRows.length - 1],
      messageId: 'short', data: { year: records.year, count: courses.size, sum: hoursText(sum), min } });
  },
};
export default rule;
