import { z } from 'zod';
import { zhCN } from 'zod/v4/locales';
import { RULES } from './rules';
import { PartialCampaignSchema } from './campaign';

// Validation messages in Chinese: the people who edit profiles are county clerks.
z.config(zhCN());

/**
 * The rule profile: thresholds and each rule's colour and on/off. A county changes these
 * without a code change; a partial profile is laid over the default one.
 */
const colour = z.enum(['red', 'yellow', 'none']);
const level = z.enum(['error', 'warning', 'info']);

export const ParamsSchema = z.object({
  annualTrainingHours: z.number().min(0).max(1000),
  transferTrainingHours: z.number().min(0).max(1000),
  expiryWarningDays: z.number().int().min(0).max(3650),
  entrustmentWarningDays: z.number().int().min(0).max(3650),
  retirementAgeMale: z.number().int().min(40).max(80),
  retirementAgeFemale: z.number().int().min(40).max(80),
  maxPlausibleHours: z.number().min(1).max(10000),
});
export type Params = z.infer<typeof ParamsSchema>;

export const RuleSettingSchema = z.strictObject({
  enabled: z.boolean().optional(),
  colour: colour.optional(),
  variants: z.record(z.string(), colour).optional(),
  level: level.optional(),
  /** the rule's own options (RuleMeta.options), checked against each option's schema */
  options: z.record(z.string(), z.unknown()).optional(),
});
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

const ruleId = z.string().regex(/^[DPALX]\d{2}$/, '规则编号应形如 D01、P01、A01、L01、X01');

/** Each rule's options against the schemas the rule declares: unknown options and bad values are errors. */
function checkOptions(rules: Record<string, RuleSetting>, ctx: z.RefinementCtx): void {
  for (const [id, setting] of Object.entries(rules)) {
    if (!setting.options) continue;
    const declared = RULES.find((r) => r.meta.id === id)?.meta.options ?? [];
    for (const [key, value] of Object.entries(setting.options)) {
      const opt = declared.find((o) => o.key === key);
      if (!opt) {
        const known = declared.map((o) => o.key).join('、');
        ctx.addIssue({ code: 'custom', path: ['rules', id, 'options', key], message: known ? `规则 ${id} 没有此选项（可用：${known}）` : `规则 ${id} 没有可设置的选项` });
        continue;
      }
      const r = opt.schema.safeParse(value);
      if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', path: ['rules', id, 'options', key, ...i.path.map(String)], message: i.message });
    }
  }
}

export const ProfileSchema = z.strictObject({
  name: z.string().min(1),
  version: z.string().min(1),
  description: z.string().optional(),
  params: ParamsSchema,
  rules: z.record(ruleId, RuleSettingSchema),
  /** the campaign's deadlines and contact line (campaign.ts); left out: the notice's */
  campaign: PartialCampaignSchema.optional(),
}).superRefine((p, ctx) => checkOptions(p.rules, ctx));
export type Profile = z.infer<typeof ProfileSchema>;

/** What a county writes: any part of a profile. */
export const PartialProfileSchema = z.strictObject({
  name: z.string().min(1).optional(),
  version: z.string().min(1).optional(),
  description: z.string().optional(),
  params: ParamsSchema.partial().strict().optional(),
  rules: z.record(ruleId, RuleSettingSchema).optional(),
  campaign: PartialCampaignSchema.optional(),
}).superRefine((p, ctx) => checkOptions(p.rules ?? {}, ctx));

/**
 * Defaults, with where each comes from (rules.md): annual hours 60 and transfer hours 20 (notice 三.3, 三.4);
 * 90-day warnings after Shandong's two-month review reminder; retirement ages 60/55 as a warning only;
 * 500 hours a year as the most a person can plausibly train.
 */
export const DEFAULT_PROFILE: Profile = {
  name: '柞水县默认规则',
  version: '2024.1',
  description:
    '依据柞政司发〔2024〕52号通知；年度培训60学时、调入新领域培训20学时（通知三.3、三.4）；到期预警90天（参照山东证件系统两个月预警）；退休年龄男60/女55（仅提示）；学时上限500。',
  params: {
    annualTrainingHours: 60,
    transferTrainingHours: 20,
    expiryWarningDays: 90,
    entrustmentWarningDays: 90,
    retirementAgeMale: 60,
    retirementAgeFemale: 55,
    maxPlausibleHours: 500,
  },
  rules: {},
};

export function mergeProfile(base: Profile, part: z.infer<typeof PartialProfileSchema>): Profile {
  const rules: Record<string, RuleSetting> = { ...base.rules };
  for (const [id, s] of Object.entries(part.rules ?? {})) {
    const options = rules[id]?.options || s.options ? { ...rules[id]?.options, ...s.options } : undefined;
    rules[id] = options ? { ...rules[id], ...s, options } : { ...rules[id], ...s };
  }
  return {
    name: part.name ?? base.name,
    version: part.version ?? base.version,
    description: part.description ?? base.description,
    params: { ...base.params, ...part.params },
    rules,
    // the campaign only when either sets one (campaign.ts fills the rest), so profiles without it are as before
    ...(base.campaign || part.campaign ? { campaign: { ...base.campaign, ...part.campaign } } : {}),
  };
}

/**
 * Why a text is not JSON, in Chinese and with the place: the parser's own message is English ("Unexpected
 * token…"), and a text saved as UTF-16 reads as zeros between the characters.
 */
function jsonProblem(text: string, parserSays: string): string {
  if (text.includes('\u0000')) return '不是有效的 JSON：文件似乎不是 UTF-8 编码（可能是 UTF-16 / Unicode）。请用记事本打开，“另存为”时编码选 UTF-8 后重试。';
  if (/end of (JSON )?input|Unterminated/i.test(parserSays) && !/position \d+/.test(parserSays)) return '不是有效的 JSON：内容不完整，结尾缺少 } 或 ] 或引号。请检查括号和引号是否成对。';
  const at = Number(/position (\d+)/.exec(parserSays)?.[1] ?? NaN);
  if (Number.isFinite(at)) {
    const before = text.slice(0, at).split('\n');
    return `不是有效的 JSON：第 ${before.length} 行第 ${before[before.length - 1].length + 1} 个字符附近有误（常见原因：多了或少了逗号、用了中文引号或中文逗号、键名没有加双引号）。`;
  }
  return '不是有效的 JSON：请检查括号、逗号和引号（须用英文双引号）是否正确。';
}

/** Parse a profile from JSON text; problems come back as Chinese lines naming the field. */
export function parseProfile(json: string): { profile: Profile } | { errors: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { errors: [jsonProblem(json, (e as Error).message)] };
  }
  const r = PartialProfileSchema.safeParse(data);
  if (!r.success) {
    return { errors: r.error.issues.map((i) => `${i.path.join('.') || '(根)'}：${i.message}`) };
  }
  return { profile: mergeProfile(DEFAULT_PROFILE, r.data) };
}

/** A rule's option as the profile sets it, else the rule's default (undefined for an option the rule lacks). */
export function ruleOption<T>(profile: Profile, rule: string, key: string): T {
  const set = profile.rules[rule]?.options;
  if (set && key in set) return set[key] as T;
  return RULES.find((r) => r.meta.id === rule)?.meta.options?.find((o) => o.key === key)?.default as T;
}
