import { FieldDef, fieldNo, TABLES, TableKind } from '../fields';
import { eachBlank, eachUnreadable, Person, Rec } from '../record';
import { Rule, RuleContext } from '../rule';
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
const LEDGER_REQUIRED = required('ledger');
const IF_NOT_APPLICATION = fields('ledger', ['certNumber']);
const TRAINING_REQUIRED = required('training');

/** A list of fields, the message when one is empty, and the rows it applies to. */
type Requirement<R extends Rec> = { list: Field[]; messageId: string; applies: (r: R) => boolean };
const always = () => true;
const PERSON: Requirement<Person>[] = [
  { list: PERSON_REQUIRED, messageId: 'required', applies: always },
  { list: IF_DEPARTED, messageId: 'requiredIfDeparted', applies: (p) => p.departed },
  { list: IF_LIVE, messageId: 'requiredIfCertificate', applies: (p) => p.live },
  { list: IF_HOLDS, messageId: 'requiredIfCertificate', applies: (p) => p.holds },
  { list: IF_TRANSFER, messageId: 'requiredIfTransfer', applies: (p) => p.hasTransferIn },
];
/** docs/ledger.md: every event but an application names the certificate (a 更换 without its new number is L04's) */
const LEDGER: Requirement<Rec>[] = [
  { list: LEDGER_REQUIRED, messageId: 'required', applies: always },
  { list: IF_NOT_APPLICATION, messageId: 'requiredIfIssued', applies: (e) => { const ev = e.str('event'); return ev !== undefined && ev !== '申领' && ev !== '更换'; } },
];
const TRAINING: Requirement<Rec>[] = [{ list: TRAINING_REQUIRED, messageId: 'required', applies: always }];
const AGENCY: Requirement<Rec>[] = [
  { list: AGENCY_REQUIRED, messageId: 'required', applies: always },
  { list: IF_ENTRUSTED, messageId: 'requiredIfEntrusted', applies: (a) => a.str('agencyType') === '受委托组织' },
];

/**
 * A missing column, once per sheet on its header row, reported as the rows meet it: row by row, each requirement
 * that applies to the row in turn. Only the sheets that lack a column are walked.
 */
function reportMissing<R extends Rec>(ctx: RuleContext, kind: TableKind, recs: R[], reqs: Requirement<R>[]): void {
  for (let s = 0; s < recs.length; ) {
    const t = recs[s].table;
    const n = t.records.length;
    const missing = reqs.map((q) => q.list.filter((f) => t.fieldIndex[f.key] === undefined));
    const reported = new Set<string>();
    for (let r = s; r < s + n && missing.some((m) => m.some((f) => !reported.has(f.key))); r++) {
      reqs.forEach((q, k) => {
        if (!missing[k].length || !q.applies(recs[r])) return;
        for (const f of missing[k]) {
          if (reported.has(f.key)) continue;
          reported.add(f.key);
          ctx.report({ table: kind, at: t, field: f.key, row: t.headerRows[t.headerRows.length - 1], col: t.firstCol,
            messageId: 'missingColumn', data: { header: TABLES[kind].fields[f.i].header } });
        }
      });
    }
    s += n;
  }
}

/** Empty fields (and error values in text fields), column by column, on the rows each requirement applies to. */
function reportEmpty<R extends Rec>(ctx: RuleContext, kind: TableKind, recs: R[], reqs: Requirement<R>[]): void {
  for (const { list, messageId, applies } of reqs) {
    for (const f of list) {
      eachBlank(recs, f.i, f.key, (r) => {
        if (applies(r as R)) ctx.report({ table: kind, rec: r, field: f.key, messageId });
      });
      if (!f.text) continue;
      eachUnreadable(recs, f.i, f.key, (r, bad) => {
        if (bad.reason === 'error' && applies(r as R)) {
          ctx.report({ table: kind, rec: r, field: f.key, messageId: 'errorValue', data: { value: (r.raw(f.key) as CellError).error } });
        }
      });
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
      requiredIfIssued: { zh: '证件台账中除“申领”外的事项都应填写「{field}」。', en: 'Every ledger event but an application must have "{field}".' },
      errorValue: { zh: '「{field}」是错误值 {value}，请改为实际内容。', en: '"{field}" holds the error value {value}; enter the real content.' },
    },
  },
  check(ctx) {
    reportMissing(ctx, 'person', ctx.people, PERSON);
    reportEmpty(ctx, 'person', ctx.people, PERSON);
    reportMissing(ctx, 'agency', ctx.agencies, AGENCY);
    reportEmpty(ctx, 'agency', ctx.agencies, AGENCY);
    // the optional sheets (docs/ledger.md): empty lists when the workbook has none
    reportMissing(ctx, 'ledger', ctx.ledger, LEDGER);
    reportEmpty(ctx, 'ledger', ctx.ledger, LEDGER);
    reportMissing(ctx, 'training', ctx.training, TRAINING);
    reportEmpty(ctx, 'training', ctx.training, TRAINING);
  },
};
export default rule;
