/**
 * What the clerk reads when Excel refuses a request: what happened and what to do, in Chinese and in
 * English (for an Excel that runs in English). The clerk's values are never touched by a failed run.
 */
export interface Said {
  zh: string;
  en: string;
}

const MESSAGES: Record<string, Said> = {
  InvalidOperationInCellEditMode: {
    zh: 'Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再点“校验”。',
    en: 'Excel is editing a cell. Press Enter or Esc to finish, then click Check again.',
  },
  AccessDenied: {
    zh: '工作表受保护，无法标记。请在“审阅 → 撤销工作表保护”后重试，或联系设置保护的同事。',
    en: 'The sheet is protected. Unprotect it (Review → Unprotect Sheet) and try again.',
  },
  ItemNotFound: {
    zh: '校验过程中有工作表被重命名或删除。请不要在校验时改动工作表，然后重新点“校验”。',
    en: 'A sheet was renamed or deleted while the check ran. Leave the sheets as they are and click Check again.',
  },
  ApiNotFound: {
    zh: '这台电脑上的 Excel 缺少本加载项要用的一项功能（见下方说明）。表格没有被改动。请把 Office 更新到最新版本；无法更新时，可改用命令行版本（npx cert-sweep check 表.xlsx）。',
    en: 'This Excel lacks a feature the add-in needs (details below). Nothing was changed. Update Office, or use the command-line version (npx cert-sweep check file.xlsx).',
  },
  RequestPayloadSizeLimitExceeded: {
    zh: '一次写入的数据量超过 Excel 网页版的 5 MB 限制。请把表格拆分为几个工作簿后分别校验。',
    en: "A write went over Excel on the web's 5 MB limit. Split the workbook and check each part.",
  },
  ResponsePayloadSizeLimitExceeded: {
    zh: '一次读取的数据量超过 Excel 网页版的 5 MB 限制。请删除多余的空行空列，或拆分工作簿后重试。',
    en: "A read went over Excel on the web's 5 MB limit. Delete unused rows and columns, or split the workbook.",
  },
  InvalidArgument: {
    zh: '地址或参数无效（可能是工作表名含特殊字符）。请把工作表改为普通名称后重试。',
    en: 'An address or argument was refused (perhaps a sheet name with unusual characters). Rename the sheet and try again.',
  },
  GeneralException: {
    zh: 'Excel 暂时无法完成操作。请保存工作簿后重试。',
    en: 'Excel could not finish the operation. Save the workbook and try again.',
  },
  SheetTooLarge: {
    zh: '工作表超过 200,000 行，超出本加载项的处理范围。请删除多余的空行，或把数据拆分为几个工作簿后再校验。',
    en: 'A sheet has more than 200,000 rows, beyond what the add-in handles. Delete empty rows or split the workbook.',
  },
};

export function officeSaid(e: unknown): Said {
  const code = (e as { code?: string })?.code;
  if (code && MESSAGES[code]) return MESSAGES[code];
  const detail = (e as Error)?.message ?? String(e);
  return {
    zh: `操作未完成：${detail}。单元格中的数据没有被改动；请重新点“校验”，如反复出现，请把这段文字反馈给县司法局。`,
    en: `The operation did not finish: ${detail}. No cell value was changed; click Check again, and if it keeps happening, send this text to the county bureau.`,
  };
}

/** A failed run's result, in the { ok, message, en } shape the pane and commands show. */
export function officeFailure(e: unknown): { ok: false; message: string; en: string } {
  const said = officeSaid(e);
  return { ok: false, message: said.zh, en: said.en };
}
