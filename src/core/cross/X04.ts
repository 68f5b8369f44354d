import { TABLES } from '../fields';
import { Table } from '../reader';
import { cleanText } from '../text';
import { CrossRule } from './context';

/** How a table's headers drift from the template: renamed, missing and extra columns. */
export function drift(t: Table): { renamed: string[]; missing: string[]; extra: string[] } {
  const fields = TABLES[t.kind].fields;
  const renamed = t.columns.filter((c) => c.field && cleanText(c.header).replace(/\s/g, '') !== fields.find((f) => f.key === c.field)!.header)
    .map((c) => `${c.header}→${fields.find((f) => f.key === c.field)!.header}`);
  const missing = fields.filter((f) => t.fieldCol[f.key] === undefined).map((f) => f.header);
  return { renamed, missing, extra: t.unknownHeaders };
}

const rule: CrossRule = {
  meta: {
    id: 'X04',
    category: 'X',
    level: 'warning',
    title: { zh: '表头与模板不一致', en: 'Headers drift from the template' },
    action: { zh: '核对列的对应关系；下次请用统一模板填报', en: 'Check how the columns were read; use the template next time' },
    source: { zh: '摸排统计表统一模板', en: 'The common template' },
    messages: {
      drift: { zh: '工作表「{sheet}」的表头与模板不一致（已按下列对应读取，请核对）：{details}', en: 'Sheet "{sheet}" differs from the template (read as follows; check): {details}' },
    },
  },
  check(ctx) {
    for (const f of ctx.files) {
      const r = f.result;
      if (!r) continue;
      for (const t of [...r.personTables, ...(r.agencyTable ? [r.agencyTable] : [])]) {
        const d = drift(t);
        const parts = [
          d.renamed.length ? `改名 ${d.renamed.join('、')}` : '',
          d.missing.length ? `缺少 ${d.missing.join('、')}` : '',
          d.extra.length ? `多出 ${d.extra.join('、')}` : '',
        ].filter(Boolean);
        if (parts.length) {
          ctx.report({ file: f.file, sheet: t.sheet, row: t.headerRows[t.headerRows.length - 1], col: t.firstCol, messageId: 'drift', data: { sheet: t.sheet, details: parts.join('；') }, level: 'warning' });
        }
      }
    }
  },
};
export default rule;
