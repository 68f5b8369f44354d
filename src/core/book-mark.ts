import { feedbackReply, FeedbackReply } from './feedback-layout';
import { Text, WorkbookGrid } from './types';

/**
 * A new workbook of ours (the county's workbook of a merge, a unit's feedback) carries a very hidden mark sheet,
 * so that wherever it turns up again (an inbox, a clerk's 校验) it is known for ours by what it holds, not by its
 * name. Row 1 says it is ours, row 4 which kind it is. Books made before row 4 was written (feedback included) have
 * none: a feedback workbook is then known by its 反馈意见 table, which no county workbook has.
 */
export const BOOK_MARK_SHEET = '_证件清理_县汇总';
export const BOOK_MAGIC = 'cert-sweep-county';
export type BookKind = 'county' | 'feedback';

export const BOOK_MARK_SAYS: Record<BookKind, string> = {
  county: '执法证件清理助手生成的县汇总工作簿，请勿修改本工作表。',
  feedback: '执法证件清理助手生成的反馈意见工作簿，请勿修改本工作表。',
};

/** The kind of new book of ours a workbook is, by its mark; null: it has none */
export function bookKindOf(grid: WorkbookGrid): BookKind | null {
  const mark = grid.sheets.find((s) => s.name === BOOK_MARK_SHEET);
  if (!mark) return null;
  const a4 = (mark.left ?? 0) === 0 ? mark.rows[3 - (mark.top ?? 0)]?.[0] : undefined;
  if (a4 === 'feedback' || a4 === 'county') return a4;
  return feedbackReply(grid) ? 'feedback' : 'county';
}

const WHAT: Record<BookKind, string> = {
  county: '本工具生成的县汇总工作簿',
  feedback: '县里发给单位的反馈意见工作簿（本工具生成）',
};

/**
 * Why a book of ours met in a merge's inbox is not a unit's report. A feedback workbook comes back by design (the
 * unit writes its 整改情况 in it and stamps it): said as received, with how much was answered, for the clerk to read.
 */
export function skippedInMergeSays(name: string, kind: BookKind, reply?: FeedbackReply | null): string {
  if (kind === 'feedback' && reply) {
    const answered = !reply.items ? '其中没有需要整改的事项' : reply.answered ? `整改情况已填写 ${reply.answered}/${reply.items} 项，请人工查阅` : `${reply.items} 项的整改情况都未填写`;
    return `「${name}」是${reply.unit || '单位'}退回的反馈意见工作簿，${answered}；它不是摸排统计表，不计入汇总。更正后的摸排统计表须另行报送。`;
  }
  return `「${name}」是${WHAT[kind]}，不是单位报送的摸排统计表，已跳过。${kind === 'feedback' ? '请报送单位自己的摸排统计表（或其校验副本）。' : ''}`;
}

/** Why a book of ours is not checked, when a clerk asks for it to be */
export function notCheckedSays(kind: BookKind): Text {
  return kind === 'feedback'
    ? {
      zh: `这是${WHAT.feedback}，不是摸排统计表，无需校验。请按其中的意见修改本单位的摸排统计表，再校验该表。`,
      en: 'This is the feedback workbook the county sent a unit (made by this tool), not a roster: there is nothing to check. Correct the unit\'s roster as it says, then check the roster.',
    }
    : {
      zh: `这是${WHAT.county}，不是摸排统计表，无需校验。请校验各单位报送的摸排统计表，或用“合并各单位”重新汇总。`,
      en: 'This is a county workbook made by this tool, not a roster: there is nothing to check. Check the units\' rosters, or merge them again.',
    };
}
