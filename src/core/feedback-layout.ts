import { WorkbookGrid } from './types';

/**
 * The 反馈意见 sheet's table as unitFeedback (feedback.ts) lays it out, and what a unit wrote in it when it sends the
 * workbook back: shared with book-mark.ts, which knows a feedback workbook by it when its mark is older than its kind.
 */
export const FEEDBACK_HEAD = ['序号', '规则', '颜色/级别', '文件', '工作表', '单元格', '姓名', '问题说明', '处理建议', '整改期限', '整改情况（单位填写）'];
export const FEEDBACK_SHEET = '反馈意见';
const ANSWER = FEEDBACK_HEAD.length - 1;

/** A feedback workbook a unit sent back: its unit, and how many of the items it wrote a 整改情况 for */
export interface FeedbackReply { unit: string; items: number; answered: number }

/**
 * What a unit wrote in its feedback workbook's 整改情况 column (the feedback asks for it, and for the page stamped),
 * read from the sheet as unitFeedback lays it out; null when the sheet is not there or not so laid out.
 */
export function feedbackReply(grid: WorkbookGrid): FeedbackReply | null {
  const s = grid.sheets.find((x) => x.name === FEEDBACK_SHEET);
  if (!s || (s.left ?? 0) !== 0) return null;
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
  const head = s.rows.findIndex((r) => text(r[0]) === FEEDBACK_HEAD[0] && text(r[ANSWER]) === FEEDBACK_HEAD[ANSWER]);
  if (head < 0) return null;
  const unit = s.rows.slice(0, head).map((r) => /^单位：(.+?)(?:\s{2,}|　|$)/.exec(text(r[0]))?.[1]).find(Boolean) ?? '';
  let items = 0;
  let answered = 0;
  for (const r of s.rows.slice(head + 1)) {
    if (typeof r[0] !== 'number') continue;
    items++;
    if (text(r[ANSWER])) answered++;
  }
  return { unit, items, answered };
}
