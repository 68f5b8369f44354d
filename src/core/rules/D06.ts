import { Day, isoFromDay } from '../dates';
import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

function future(ctx: RuleContext, p: Person, key: string, d: Day | undefined): void {
  if (d !== undefined && d > ctx.checkDate) {
    ctx.report({ table: 'person', rec: p, field: key, messageId: 'future', data: { date: isoFromDay(d), checkDate: isoFromDay(ctx.checkDate) } });
  }
}

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  const issue = p.issueDate;
  const expiry = p.expiryDate;
  if (issue !== undefined && expiry !== undefined && expiry < issue) {
    ctx.report({ table: 'person', rec: p, field: 'expiryDate', messageId: 'expiryBeforeIssue',
      data: { expiry: isoFromDay(expiry), issue: isoFromDay(issue) } });
  }
  const dep = p.departureDate;
  future(ctx, p, 'issueDate', issue);
  future(ctx, p, 'departureDate', dep);
  future(ctx, p, 'transferInDate', p.transferInDate);
  if (dep !== undefined && p.employmentStatus === '在岗') {
    ctx.report({ table: 'person', rec: p, field: 'departureDate', messageId: 'departureWhileOnDuty', data: { date: isoFromDay(dep) } });
  }
}

const rule: Rule = {
  meta: {
    id: 'D06',
    category: 'D',
    level: 'error',
    title: { zh: '日期不合逻辑', en: 'Impossible dates' },
    action: { zh: '核对相关日期', en: 'Check the dates' },
    source: { zh: '摸排统计表填报要求', en: 'Form requirements' },
    messages: {
      expiryBeforeIssue: { zh: '有效期至（{expiry}）早于发证日期（{issue}）。', en: 'Valid until ({expiry}) is before the issue date ({issue}).' },
      future: { zh: '「{field}」（{date}）晚于核查日期（{checkDate}）。', en: '"{field}" ({date}) is after the check date ({checkDate}).' },
      departureWhileOnDuty: { zh: '在岗状态为「在岗」，却填写了离岗日期（{date}）。', en: 'Status is on duty, yet a departure date ({date}) is given.' },
      endBeforeStart: { zh: '委托期限止（{end}）早于委托期限起（{start}）。', en: 'The entrustment ends ({end}) before it starts ({start}).' },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
    for (const a of ctx.agencies) {
      const start = a.day('entrustmentStart');
      const end = a.day('entrustmentEnd');
      if (start !== undefined && end !== undefined && end < start) {
        ctx.report({ table: 'agency', rec: a, field: 'entrustmentEnd', messageId: 'endBeforeStart',
          data: { end: isoFromDay(end), start: isoFromDay(start) } });
      }
    }
  },
};
export default rule;
