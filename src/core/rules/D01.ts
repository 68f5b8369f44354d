import { FieldDef, fieldNo, TABLES, TableKind } from '../fields';
import { Rec } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';
import { CellError } from '../types';

/** Required fields, including workbook.md's "required if" columns. Emptiness a specific rule covers (A01, A04, A09) is left to it. */
type Field = { key: string; i: number; text: boolean };
const fields = (kind: TableKind, keys: string[]): Field[] =>
  keys.map((key) => ({ key, i: fieldNo(kind, key), text: TABLES[kind].fields[fieldNo(kind, key)].type === 'text' }));
const required = (kind: TableKind) => fields(kind, TABLES[kind].fields.filter((f: FieldDef) => f.required).map((f) => f.key));
const PERSON_REQUIRED = required('person');
const IF_DEPARTED = fields('person', ['departureDate']);
const IF_LIVE = fields('person', ['certNumber', 'certVersion', 'issueDate', 'expiryDate']);
const IF_HOLDS = fields('person', ['annualTrainingHours']);
const IF_TRANSFER = fields('person', ['newFieldTrainingHours', 'transferReviewed']);
const AGENCY_REQUIRED = required('agency');
const IF_ENTRUSTED = fields('agency', ['managesPublicAffairs', 'entrustmentStart', 'entrustmentEnd', 'entrustmentPublicised', 'entrustsCoercion']);

/** Report the fields of a row that are empty (a missing column once per sheet, on its header row). */
function checkFields(ctx: RuleContext, r: Rec, list: Field[], messageId: string, missingReported: Set<string>): void {
  for (const f of list) {
    const c = r.at(f.i);
    if (c === null) {
      const t = r.table;
      if (!r.has(f.key)) {
        if (!missingReported.has(`${t.sheet}\u0000${f.key}`)) {
          missingReported.add(`${t.sheet}\u0000${f.key}`);
          ctx.report({ table: r.kind, at: t, field: f.key, row: t.headerRows[t.headerRows.length - 1], col: t.firstCol,
            messageId: 'missingColumn', data: { header: TABLES[r.kind].fields[f.i].header } });
        }
        continue;
      }
      ctx.report({ table: r.kind, rec: r, field: f.key, messageId });
    } else if (f.text && typeof c === 'object' && c.reason === 'error') {
      ctx.report({ table: r.kind, rec: r, field: f.key, messageId: 'errorValue', data: { value: (r.raw(f.key) as CellError).error } });
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
    const missing = new Set<string>();
    eachPerson(ctx, (p) => {
      checkFields(ctx, p, PERSON_REQUIRED, 'required', missing);
      if (p.departed) checkFields(ctx, p, IF_DEPARTED, 'requiredIfDeparted', missing);
      if (p.live) checkFields(ctx, p, IF_LIVE, 'requiredIfCertificate', missing);
      if (p.holds) checkFields(ctx, p, IF_HOLDS, 'requiredIfCertificate', missing);
      if (p.hasTransferIn) checkFields(ctx, p, IF_TRANSFER, 'requiredIfTransfer', missing);
    });
    const agencyMissing = new Set<string>();
    for (const a of ctx.agencies) {
      checkFields(ctx, a, AGENCY_REQUIRED, 'required', agencyMissing);
      if (a.str('agencyType') === '受委托组织') checkFields(ctx, a, IF_ENTRUSTED, 'requiredIfEntrusted', agencyMissing);
    }
  },
};
export default rule;
