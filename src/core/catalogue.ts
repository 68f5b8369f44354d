import { DEFAULT_PROFILE } from './profile';
import { CROSS_RULES } from './cross';
import { RULES } from './rules';

const COLOUR = { red: '红', yellow: '黄' } as const;
const LEVEL = { error: '错误', warning: '警告', info: '提示' } as const;
const PARAM_ZH: Record<string, string> = {
  annualTrainingHours: '年度培训学时下限', transferTrainingHours: '调入新领域培训学时下限', expiryWarningDays: '证件到期预警天数',
  entrustmentWarningDays: '委托到期预警天数', retirementAgeMale: '退休年龄（男）', retirementAgeFemale: '退休年龄（女）',
  maxPlausibleHours: '学时合理上限',
};

/** The rule catalogue (docs/rules.md), generated from the rule modules so it is never written twice. */
export function ruleCatalogue(): string {
  const lines = [
    '# 校验规则目录 Rule catalogue',
    '',
    '> 本文件由 `npm run docs` 从 `src/core/rules/` 生成，请勿手工修改。Generated from the rule modules; do not edit.',
    '',
    `默认规则配置：${DEFAULT_PROFILE.name}（版本 ${DEFAULT_PROFILE.version}）。${DEFAULT_PROFILE.description ?? ''}`,
    '',
    '| 参数 parameter | 含义 | 默认值 default |',
    '|---|---|---|',
    ...Object.entries(DEFAULT_PROFILE.params).map(([k, v]) => `| \`${k}\` | ${PARAM_ZH[k] ?? ''} | ${v} |`),
    '',
  ];
  const withOptions = RULES.filter((r) => r.meta.options?.length);
  if (withOptions.length) {
    lines.push('规则选项（在规则配置的 `rules.<编号>.options` 中设置）Rule options:', '', '| 规则 rule | 选项 option | 含义 | 默认值 default |', '|---|---|---|---|');
    for (const r of withOptions) {
      for (const o of r.meta.options!) lines.push(`| ${r.meta.id} | \`${o.key}\` | ${o.title.zh} | ${JSON.stringify(o.default)} |`);
    }
    lines.push('');
  }
  const all = [...RULES, ...CROSS_RULES];
  for (const cat of ['D', 'P', 'A', 'L', 'X'] as const) {
    lines.push(`## ${{ D: 'D 数据 Data', P: 'P 人员与证件 People and certificates', A: 'A 执法主体 Enforcement bodies', L: 'L 证件台账与培训记录 Ledger and training records（见 docs/ledger.md，工作簿有这两张表时才校验）', X: 'X 跨单位（汇总时）Across units (merge)' }[cat]}`, '');
    lines.push('| 编号 ID | 规则 | Rule | 级别/颜色 | 处理建议 | 依据 source |', '|---|---|---|---|---|---|');
    for (const r of all.filter((x) => x.meta.category === cat)) {
      const m = r.meta;
      const grade = m.colour
        ? [COLOUR[m.colour], ...Object.entries(m.variants ?? {}).map(([k, c]) => `${COLOUR[c]}（${k}）`)].join(' / ')
        : LEVEL[m.level ?? 'info'];
      lines.push(`| ${m.id} | ${m.title.zh} | ${m.title.en} | ${grade} | ${m.action.zh} | ${m.source.zh} |`);
    }
    lines.push('');
  }
  lines.push('## 提示语 Messages', '');
  for (const r of all) {
    for (const [id, t] of Object.entries(r.meta.messages)) lines.push(`- **${r.meta.id}** \`${id}\`：${t.zh} / ${t.en}`);
  }
  lines.push('');
  return lines.join('\n');
}
