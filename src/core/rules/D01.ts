import { fieldDef, TABLES, TableKind } from '../fields';
import { holdsCertificate, departed, liveCertificate, Rec } from '../record';
import { Rule, RuleContext } from '../rule';
import { isCellError } from '../types';

/** Required fields, including workbook.md's "required if" columns. Emptiness a specific rule covers (A01, A04, A09) is left to it. */
const ALWAYS: Record<TableKind, string[]> = {
  person: TABLES.person.fields.filter((f) => f.required).map((f) => f.key),
  agency: TABLES.agency.fields.filter((f) => f.required).map((f) => f.key),
};
const NONE: string[] = [];

function conditions(kind: TableKind, r: Rec): [string[], string][] {
  if (kind === 'person') {
    return [
      [ALWAYS.person, 'required'],
      [departed(r) ? ['departureDate'] : NONE, 'requiredIfDeparted'],
      [liveCertificate(r) ? ['certNumber', 'certVersion', 'issueDate', 'expiryDate'] : NONE, 'requiredIfCertificate'],
      [holdsCertificate(r) ? ['annualTrainingHours'] : NONE, 'requiredIfCertificate'],
      [!r.empty('transferInDate') ? ['newFieldTrainingHours', 'transferReviewed'] : NONE, 'requiredIfTransfer'],
    ];
  }
  const entrusted = r.str('agencyType') === '受委托组织';
  return [
    [ALWAYS.agency, 'required'],
    [entrusted ? ['managesPublicAffairs', 'entrustmentStart', 'entrustmentEnd', 'entrustmentPublicised', 'entrustsCoercion'] : NONE,
      'requiredIfEntrusted'],
  ];
}

function checkTable(ctx: RuleContext, kind: TableKind, recs: Rec[]): void {
  // a missing column is reported once per sheet, on its header row
  const missingReported = new Set<string>();
  for (const r of recs) {
    for (const [keys, messageId] of conditions(kind, r)) {
      for (const key of keys) {
        if (!r.has(key)) {
          const t = r.table;
          if (!missingReported.has(`${t.sheet}\u0000${key}`)) {
            missingReported.add(`${t.sheet}\u0000${key}`);
            ctx.report({ table: kind, at: t, field: key, row: t.headerRows[t.headerRows.length - 1], col: t.firstCol,
              messageId: 'missingColumn', data: { header: fieldDef(kind, key).header } });
          }
          continue;
        }
        const raw = r.raw(key);
        if (isCellError(raw) && fieldDef(kind, key).type === 'text') {
          ctx.report({ table: kind, rec: r, field: key, messageId: 'errorValue', data: { value: raw.error } });
        } else if (r.empty(key)) {
          ctx.report({ table: kind, rec: r, field: key, messageId });
        }
      }
    }
  }
}

const rule: Rule = {
  meta: {
    id: 'D01',
    category: 'D',
    level: 'error',
    title: { zh: '必填项为空', en: 'Required field empty' },
    action: { zh: '补填该项', en: 'Fill in the field' },
    source: { zh: '摸排统计表填报要求（通知三.5）', en: 'Form requirements (notice 3.5)' },
    messages: {
      required: { zh: '「{field}」为必填项，当前为空。', en: '"{field}" is required but empty.' },
      requiredIfDeparted: { zh: '人员已离岗，「{field}」必须填写。', en: 'The person has left; "{field}" is required.' },
      requiredIfCertificate: { zh: '持有或申领证件的人员，「{field}」必须填写。', en: 'A certificate holder must have "{field}".' },
      requiredIfTransfer: { zh: '已填调入日期，「{field}」必须填写。', en: 'Transferred in, so "{field}" is required.' },
      requiredIfEntrusted: { zh: '受委托组织必须填写「{field}」。', en: 'An entrusted organisation must have "{field}".' },
      missingColumn: { zh: '表中缺少必填列「{header}」，请按模板补上该列。', en: 'The required column "{header}" is missing; add it as in the template.' },
      errorValue: { zh: '「{field}」是错误值 {value}，请改为实际内容。', en: '"{field}" holds the error value {value}; enter the real content.' },
    },
  },
  check(ctx) {
    checkTable(ctx, 'person', ctx.people);
    checkTable(ctx, 'agency', ctx.agencies);
  },
};
export default rule;
