/** The input tables of workbook.md (and the optional ones of docs/ledger.md): canonical headers, synonyms, types and value lists. */
export type FieldType = 'text' | 'int' | 'hours' | 'date' | 'yesno' | 'list' | 'id';

export interface FieldDef {
  key: string;
  header: string;
  en: string;
  type: FieldType;
  synonyms?: string[];
  list?: readonly string[];
  /** clerk's spellings mapped to list values */
  variants?: Record<string, string>;
  /** required on every row (conditional requirements live in rule D01) */
  required?: boolean;
  /** checked for stray spaces and full-width characters (D13) */
  key_field?: boolean;
}

export const STAFF_CATEGORIES = [
  '行政编制', '参公事业编制', '事业编制', '劳务派遣', '合同制', '执法辅助人员', '工勤人员', '临时聘用', '公益性岗位', '其他',
] as const;
export const NON_FORMAL = ['劳务派遣', '合同制', '执法辅助人员', '工勤人员', '临时聘用', '公益性岗位', '其他'];
export const EMPLOYMENT = ['在岗', '退休', '调离', '辞职', '辞退', '死亡', '其他离岗'] as const;
export const CERT_STATUS = ['正常', '挂失', '暂扣', '已注销', '已收回', '申领中', '未持证'] as const;
/** a certificate in hand */
export const LIVE_CERT = ['正常', '挂失', '暂扣'];
export const AGENCY_TYPES = ['行政机关', '法律法规授权组织', '受委托组织', '综合行政执法机构'] as const;

export const YES_NO = ['是', '否'] as const;

export const PERSON_FIELDS: FieldDef[] = [
  { key: 'seq', header: '序号', en: 'No.', type: 'text', synonyms: ['编号'] },
  { key: 'unit', header: '所属单位', en: 'Unit', type: 'text', required: true, key_field: true,
    synonyms: ['填报单位', '单位名称', '所属辖区单位', '单位', '所属镇办', '所属部门'] },
  { key: 'agency', header: '执法主体', en: 'Enforcement body', type: 'text', required: true, key_field: true,
    synonyms: ['执法机关', '执法单位', '所在执法机构', '工作单位', '执法主体名称', '所属执法主体', '所在执法主体', '执法机构'] },
  { key: 'name', header: '姓名', en: 'Name', type: 'text', required: true, key_field: true, synonyms: ['执法人员姓名', '人员姓名'] },
  { key: 'gender', header: '性别', en: 'Gender', type: 'list', list: ['男', '女'], variants: { 男性: '男', 女性: '女' } },
  { key: 'idNumber', header: '身份证号码', en: 'ID number', type: 'id', required: true, key_field: true,
    synonyms: ['公民身份号码', '身份证号', '证件号码', '身份证', '身份证件号码', '居民身份证号码', '公民身份证号码'] },
  { key: 'staffCategory', header: '人员类别', en: 'Staff category', type: 'list', required: true, list: STAFF_CATEGORIES,
    synonyms: ['身份类别', '人员性质', '编制性质', '人员身份', '编制类别', '编制类型', '编制情况', '人员编制性质'],
    variants: { 公务员: '行政编制', 行政: '行政编制', 参公: '参公事业编制', 参照公务员法管理: '参公事业编制',
      参照公务员管理: '参公事业编制', 参公编制: '参公事业编制', 参公人员: '参公事业编制', 参公管理: '参公事业编制',
      事业: '事业编制', 事业单位编制: '事业编制', 合同工: '合同制', 合同: '合同制', 合同制人员: '合同制', 派遣: '劳务派遣',
      聘用: '临时聘用', 聘用人员: '临时聘用', 临时人员: '临时聘用', 编外人员: '其他',
      协管员: '执法辅助人员', 辅警: '执法辅助人员', 辅助人员: '执法辅助人员', 临时工: '临时聘用', 工勤: '工勤人员',
      劳务派遣人员: '劳务派遣', 公益岗: '公益性岗位' } },
  { key: 'position', header: '职务', en: 'Position', type: 'text', synonyms: ['现任职务'] },
  { key: 'onEnforcementPost', header: '是否在执法岗位', en: 'On an enforcement post', type: 'yesno', required: true,
    synonyms: ['执法岗位', '在执法岗位', '是否在执法岗', '是否执法岗位', '是否在岗执法'] },
  { key: 'employmentStatus', header: '在岗状态', en: 'Employment status', type: 'list', required: true, list: EMPLOYMENT,
    synonyms: ['人员状态', '现状', '在职状态', '在岗情况', '人员在岗状态', '在职情况'],
    variants: { 在职: '在岗', 已退休: '退休', 已调离: '调离', 调出: '调离', 已调出: '调离', 已辞职: '辞职', 离职: '辞职',
      已辞退: '辞退', 离岗: '其他离岗', 已故: '死亡' } },
  { key: 'departureDate', header: '离岗日期', en: 'Departure date', type: 'date', synonyms: ['退休/调离日期', '离岗时间', '退休调离日期', '离岗退休调离日期', '离职日期'] },
  { key: 'certNumber', header: '执法证号', en: 'Certificate number', type: 'text', key_field: true,
    synonyms: ['证件编号', '行政执法证号', '证号', '执法证件号', '执法证编号', '执法证件编号', '执法证件号码', '行政执法证件编号', '行政执法证件号', '行政执法证件号码', '执法证号码'] },
  { key: 'certVersion', header: '证件版本', en: 'Certificate version', type: 'list', list: ['新版', '旧版'],
    synonyms: ['证件类型', '新旧版', '证件新旧版'], variants: { 新证: '新版', 旧证: '旧版', 新: '新版', 旧: '旧版' } },
  { key: 'enforcementField', header: '执法类别', en: 'Enforcement field', type: 'text', synonyms: ['执法领域', '执法门类', '执法类型'] },
  { key: 'issueDate', header: '发证日期', en: 'Issue date', type: 'date', synonyms: ['发证时间', '领证日期', '首次发证日期', '发证日'] },
  { key: 'expiryDate', header: '有效期至', en: 'Valid until', type: 'date', synonyms: ['有效期', '证件有效期', '到期日期', '有效期限', '证件有效期至', '有效期截止日期', '有效截止日期', '到期时间'] },
  { key: 'certStatus', header: '证件状态', en: 'Certificate status', type: 'list', required: true, list: CERT_STATUS,
    synonyms: ['持证状态', '证件情况', '持证情况'],
    variants: { 有效: '正常', 在用: '正常', 正常使用: '正常', 注销: '已注销', 已吊销: '已注销', 收回: '已收回', 已收缴: '已收回',
      已挂失: '挂失', 已暂扣: '暂扣', 申请中: '申领中', 正在申领: '申领中', 无证: '未持证', 未领证: '未持证', 无: '未持证' } },
  { key: 'transferInDate', header: '调入日期', en: 'Transferred in', type: 'date', synonyms: ['调入时间', '调入本单位日期'] },
  { key: 'newFieldTrainingHours', header: '新领域培训学时', en: 'New-field training hours', type: 'hours',
    synonyms: ['新执法领域培训学时', '新领域培训时长', '新领域专业培训学时'] },
  { key: 'transferReviewed', header: '换证审核', en: 'Transfer review passed', type: 'yesno', synonyms: ['县司法局审核', '换证审核情况', '县司法局审核情况', '换证审核通过'] },
  { key: 'annualTrainingHours', header: '年度培训学时', en: 'Annual training hours', type: 'hours',
    synonyms: ['培训学时', '本年度培训学时', '年度学习培训学时', '年度培训时长', '培训时长', '年度学时'] },
  { key: 'hasLegalQualification', header: '法律职业资格', en: 'Legal qualification', type: 'yesno',
    synonyms: ['法律职业资格证书', '是否取得法律职业资格', '法律职业资格证'] },
  { key: 'annualReview', header: '年审结果', en: 'Annual review', type: 'list', list: ['通过', '未通过', '待年审'],
    synonyms: ['年度审查', '年审情况', '年度审查结果', '年审'], variants: { 合格: '通过', 不合格: '未通过', 未年审: '待年审' } },
  { key: 'sanction', header: '违纪违法情况', en: 'Sanctions', type: 'list',
    list: ['无', '正在接受审查', '受党纪政纪处分', '受刑事处罚'], synonyms: ['处分情况', '违法违纪情况', '受处分情况'],
    variants: { 审查中: '正在接受审查', 接受审查: '正在接受审查', 党纪政纪处分: '受党纪政纪处分', 刑事处罚: '受刑事处罚',
      否: '无' } },
  { key: 'remarks', header: '备注', en: 'Remarks', type: 'text' },
];

export const AGENCY_FIELDS: FieldDef[] = [
  { key: 'seq', header: '序号', en: 'No.', type: 'text', synonyms: ['编号'] },
  { key: 'unit', header: '所属单位', en: 'Unit', type: 'text', required: true, key_field: true,
    synonyms: ['填报单位', '单位名称', '所属辖区单位', '单位'] },
  { key: 'agencyName', header: '执法主体名称', en: 'Enforcement body', type: 'text', required: true, key_field: true,
    synonyms: ['执法主体', '主体名称', '执法机关名称', '执法单位名称', '执法机构名称'] },
  { key: 'agencyType', header: '主体类型', en: 'Body type', type: 'list', required: true, list: AGENCY_TYPES,
    synonyms: ['执法主体类型', '主体性质', '主体类别', '执法主体性质'],
    variants: { 授权组织: '法律法规授权组织', 法律法规授权的组织: '法律法规授权组织', 委托组织: '受委托组织',
      受委托的组织: '受委托组织', 综合执法机构: '综合行政执法机构', 相对集中行政执法权: '综合行政执法机构',
      行政机构: '行政机关' } },
  { key: 'legalBasis', header: '执法依据', en: 'Legal basis', type: 'text', synonyms: ['法定依据', '法律依据', '执法依据名称'] },
  { key: 'basisCurrent', header: '依据现行有效', en: 'Basis in force', type: 'yesno', required: true,
    synonyms: ['依据是否现行有效'] },
  { key: 'matchesMandate', header: '与三定规定相符', en: 'Matches mandate', type: 'yesno', required: true,
    synonyms: ['是否与三定规定相符', '与"三定"规定相符'] },
  { key: 'managesPublicAffairs', header: '管理公共事务职能', en: 'Manages public affairs', type: 'yesno',
    synonyms: ['具有管理公共事务职能'] },
  { key: 'entrustingAgency', header: '委托机关', en: 'Entrusting body', type: 'text' },
  { key: 'entrustmentBasis', header: '委托依据', en: 'Entrustment basis', type: 'text' },
  { key: 'entrustmentStart', header: '委托期限起', en: 'Entrusted from', type: 'date', synonyms: ['委托起始日期'] },
  { key: 'entrustmentEnd', header: '委托期限止', en: 'Entrusted until', type: 'date', synonyms: ['委托截止日期', '委托期限至'] },
  { key: 'entrustmentPublicised', header: '委托书已公示', en: 'Entrustment publicised', type: 'yesno',
    synonyms: ['委托书是否公示'] },
  { key: 'entrustsCoercion', header: '委托事项含行政强制', en: 'Entrusts coercive powers', type: 'yesno',
    synonyms: ['是否委托行政强制'] },
  { key: 'authorisationBasis', header: '授权依据', en: 'Authorisation basis', type: 'text' },
  { key: 'establishment', header: '编制数', en: 'Establishment', type: 'int', required: true, synonyms: ['核定编制数', '编制人数', '核定编制'] },
  { key: 'enforcementPosts', header: '执法岗位数', en: 'Enforcement posts', type: 'int', required: true,
    synonyms: ['执法岗位数量', '执法岗位编制数'] },
  { key: 'remarks', header: '备注', en: 'Remarks', type: 'text' },
];

/** 证件台账 事项 (notice 三.3: 申领、发放、更换、挂失、注销和回收 全流程管理) */
export const LEDGER_EVENTS = ['申领', '发放', '更换', '挂失', '补办', '暂扣', '恢复', '注销', '收回', '年审'] as const;
export const TRAINING_CATEGORIES = ['行政执法业务', '法律通识', '民法', '刑事法', '其他'] as const;
export const TRAINING_MODES = ['集体学习', '个人自学', '网络培训'] as const;

const ID_SYNONYMS = ['公民身份号码', '身份证号', '证件号码', '身份证', '身份证件号码', '居民身份证号码', '公民身份证号码'];
const CERT_SYNONYMS = ['证件编号', '行政执法证号', '证号', '执法证件号', '执法证编号', '执法证件编号', '执法证件号码', '行政执法证件编号',
  '行政执法证件号', '行政执法证件号码', '执法证号码'];

/** Sheet 证件台账 (docs/ledger.md): one row per event in a certificate's life. Optional. */
export const LEDGER_FIELDS: FieldDef[] = [
  { key: 'seq', header: '序号', en: 'No.', type: 'text', synonyms: ['编号'] },
  { key: 'date', header: '日期', en: 'Date', type: 'date', required: true, synonyms: ['办理日期', '发生日期', '事项日期', '时间', '办理时间'] },
  { key: 'name', header: '姓名', en: 'Name', type: 'text', required: true, key_field: true, synonyms: ['执法人员姓名', '人员姓名', '持证人', '持证人姓名'] },
  { key: 'idNumber', header: '身份证号码', en: 'ID number', type: 'id', required: true, key_field: true, synonyms: ID_SYNONYMS },
  { key: 'certNumber', header: '执法证号', en: 'Certificate number', type: 'text', key_field: true, synonyms: CERT_SYNONYMS },
  { key: 'event', header: '事项', en: 'Event', type: 'list', required: true, list: LEDGER_EVENTS,
    synonyms: ['办理事项', '事项类型', '业务类型', '变动事项', '证件事项', '变动情况'],
    variants: { 申请: '申领', 申请领证: '申领', 领证: '发放', 发证: '发放', 首次发放: '发放', 换发: '更换', 换证: '更换',
      补证: '补办', 补发: '补办', 遗失: '挂失', 丢失: '挂失', 扣留: '暂扣', 解除暂扣: '恢复', 发还: '恢复', 吊销: '注销',
      回收: '收回', 收缴: '收回', 年度审查: '年审', 年检: '年审' } },
  { key: 'handler', header: '经办人', en: 'Handled by', type: 'text', synonyms: ['办理人', '经手人'] },
  { key: 'reference', header: '文号或说明', en: 'Reference or note', type: 'text',
    synonyms: ['文号', '说明', '备注', '批准文号', '审核文号', '依据文号', '文号说明', '批文文号'] },
];

/** Sheet 培训记录 (docs/ledger.md): one row per person per course. Optional. */
export const TRAINING_FIELDS: FieldDef[] = [
  { key: 'seq', header: '序号', en: 'No.', type: 'text', synonyms: ['编号'] },
  { key: 'date', header: '日期', en: 'Date', type: 'date', required: true, synonyms: ['培训日期', '学习日期', '培训时间', '学习时间'] },
  { key: 'name', header: '姓名', en: 'Name', type: 'text', required: true, key_field: true, synonyms: ['参训人员', '学员姓名', '参训人姓名', '人员姓名'] },
  { key: 'idNumber', header: '身份证号码', en: 'ID number', type: 'id', required: true, key_field: true, synonyms: ID_SYNONYMS },
  { key: 'course', header: '培训名称', en: 'Course', type: 'text', required: true, synonyms: ['课程名称', '培训课程', '培训项目', '培训主题', '学习主题'] },
  { key: 'category', header: '培训内容类别', en: 'Content category', type: 'list', required: true, list: TRAINING_CATEGORIES,
    synonyms: ['内容类别', '培训类别', '课程类别', '学习内容类别', '培训内容'],
    variants: { 执法业务: '行政执法业务', 行政执法: '行政执法业务', 业务培训: '行政执法业务', 专业执法业务: '行政执法业务',
      通识: '法律通识', 法律基础知识: '法律通识', 公共法律知识: '法律通识', 民法典: '民法', 民事法律: '民法', 刑法: '刑事法',
      刑事法律: '刑事法', 刑事诉讼法: '刑事法' } },
  { key: 'hours', header: '学时', en: 'Hours', type: 'hours', required: true, synonyms: ['课时', '学时数', '培训课时', '时长'] },
  { key: 'mode', header: '形式', en: 'Mode', type: 'list', list: TRAINING_MODES, synonyms: ['培训形式', '学习形式', '方式', '培训方式'],
    variants: { 集中学习: '集体学习', 集中培训: '集体学习', 集体: '集体学习', 自学: '个人自学', 线上: '网络培训', 线上学习: '网络培训',
      网络学习: '网络培训', 网上学习: '网络培训', 在线学习: '网络培训' } },
  { key: 'organiser', header: '组织单位', en: 'Organised by', type: 'text', synonyms: ['主办单位', '举办单位', '培训单位', '组织机构'] },
];

export const YES_VARIANTS: Record<string, '是' | '否'> = {
  是: '是', 否: '否', '√': '是', '×': '否', '✓': '是', '✔': '是', '✗': '否', '✘': '否', Y: '是', N: '否', YES: '是',
  NO: '否', 有: '是', 无: '否', TRUE: '是', FALSE: '否', 对: '是', 不是: '否', X: '否',
};

export type TableKind = 'person' | 'agency' | 'ledger' | 'training';
export const TABLES: Record<TableKind, { fields: FieldDef[]; sheet: string; en: string; anchors: string[] }> = {
  person: { fields: PERSON_FIELDS, sheet: '执法人员', en: 'Enforcement staff', anchors: ['name', 'idNumber'] },
  agency: { fields: AGENCY_FIELDS, sheet: '执法主体', en: 'Enforcement bodies', anchors: ['agencyName', 'agencyType'] },
  ledger: { fields: LEDGER_FIELDS, sheet: '证件台账', en: 'Certificate ledger', anchors: ['date', 'event'] },
  training: { fields: TRAINING_FIELDS, sheet: '培训记录', en: 'Training records', anchors: ['course', 'hours'] },
};
/** the optional sheets (docs/ledger.md): a workbook without them is checked as before */
export const OPTIONAL_KINDS: readonly TableKind[] = ['ledger', 'training'];

const byKind = <T>(f: (fields: FieldDef[]) => T): Record<TableKind, T> =>
  ({ person: f(PERSON_FIELDS), agency: f(AGENCY_FIELDS), ledger: f(LEDGER_FIELDS), training: f(TRAINING_FIELDS) });

const BY_KEY = byKind((fs) => new Map(fs.map((f) => [f.key, f])));

export function fieldDef(kind: TableKind, key: string): FieldDef {
  const f = BY_KEY[kind].get(key);
  if (!f) throw new Error(`unknown field ${kind}.${key}`);
  return f;
}

const ORDINAL = byKind((fs) => new Map(fs.map((f, i) => [f.key, i])));

/** A field's position in its table's field list: a record's readings are kept in this order. */
export function fieldNo(kind: TableKind, key: string): number {
  const i = ORDINAL[kind].get(key);
  if (i === undefined) throw new Error(`unknown field ${kind}.${key}`);
  return i;
}

/** The fields of a table of the given types, with their positions. */
export function fieldsOfType(kind: TableKind, ...types: FieldType[]): { def: FieldDef; i: number }[] {
  return TABLES[kind].fields.flatMap((def, i) => (types.includes(def.type) ? [{ def, i }] : []));
}
