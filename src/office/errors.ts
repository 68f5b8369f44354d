/** Office.js errors as clear Chinese messages that say what to do. The clerk's values are never touched by a run. */
const MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再点“校验”。',
  AccessDenied: '工作表受保护，无法标记。请在“审阅 → 撤销工作表保护”后重试，或联系设置保护的同事。',
  ItemNotFound: '校验过程中有工作表被重命名或删除。请不要在校验时改动工作表，然后重新点“校验”。',
  ApiNotFound: '当前 Excel 版本不支持此功能。本加载项已自动改用兼容模式，请重新点“校验”；如仍出错，请升级 Office。',
  RequestPayloadSizeLimitExceeded: '一次写入的数据量超过 Excel 网页版的 5 MB 限制。请把表格拆分为几个工作簿后分别校验。',
  ResponsePayloadSizeLimitExceeded: '一次读取的数据量超过 Excel 网页版的 5 MB 限制。请删除多余的空行空列，或拆分工作簿后重试。',
  InvalidArgument: '地址或参数无效（可能是工作表名含特殊字符）。请把工作表改为普通名称后重试。',
  GeneralException: 'Excel 暂时无法完成操作。请保存工作簿后重试。',
  SheetTooLarge: '工作表超过 200,000 行，超出本加载项的处理范围。请删除多余的空行，或把数据拆分为几个工作簿后再校验。',
};

export function officeMessage(e: unknown): string {
  const code = (e as { code?: string })?.code;
  if (code && MESSAGES[code]) return MESSAGES[code];
  return `操作未完成：${(e as Error)?.message ?? String(e)}。单元格中的数据没有被改动；请重新点“校验”，如反复出现，请把这段文字反馈给县司法局。`;
}
