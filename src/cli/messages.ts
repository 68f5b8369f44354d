import { Lang } from '../core';

/** Every line the command line prints, Chinese first, English with --lang en. */
const M = {
  usage: {
    zh: `执法证件清理助手 cert-sweep —— 行政执法证件专项清理摸排统计表校验

用法：
  cert-sweep check 文件.xlsx... [--out 路径] [--json] [--date YYYY-MM-DD] [--profile 规则.json]
                  [--sheet 工作表] [--agency-sheet 工作表] [--map 表头=规范表头]...
      校验摸排统计表，写出带标记的副本（默认为 原名.checked.xlsx，.xlsm 为 原名.checked.xlsm；从不改动原文件）
  cert-sweep merge 文件或文件夹... --out 汇总.xlsx [--json] [--date YYYY-MM-DD] [--profile 规则.json]
                  [--expected 应报单位.txt] [--full-ids] [--feedback 目录] [--contact 联系方式] [--previous 上一轮县汇总.xlsx]
      县司法局汇总各单位的摸排统计表：逐个校验、跨单位核查（X 规则）、生成汇总/报送情况/明细/校验结果；
      报送情况按截止日跟踪摸排统计表、学习培训计划、自查自纠工作报告（按时/逾期/未报）
  cert-sweep clear 文件.xlsx --out 路径     去除上次校验留下的标记，恢复原有格式
  cert-sweep upcoming 文件.xlsx... [--days 90] [--date YYYY-MM-DD] [--json]
      列出 N 天内将变黄或变红的证件和执法主体，以及日期和原因（证件到期、委托到期等）
  cert-sweep template [--out 路径]          生成空白的标准摸排统计表模板
  cert-sweep demo [--out 目录] [--date YYYY-MM-DD]   生成三个单位的示例工作簿并校验
  cert-sweep rules [--json]                 列出全部校验规则

选项：
  --json      按约定格式输出 JSON（见 docs/outputs）
  --date      核查日期，默认今天
  --profile   规则配置文件（JSON），可只写需要修改的部分
  --sheet     执法人员表所在的工作表（自动识别不了时使用）；--agency-sheet 同理
  --map       把不认识的表头对应到规范表头，可重复，例如 --map 持证单位=执法主体
  --expected  应报送单位名单（每行一个），用于“报送情况”
  --full-ids  汇总工作簿和 JSON 中显示完整身份证号码（默认只显示前 6 位和后 4 位：610126********1234）
  --feedback  merge 时为每个单位写一份反馈意见工作簿（本单位的问题、跨单位问题、整改期限、联系方式）到该目录
  --contact   反馈意见上县司法局的联系方式，如 "联系人：某某 联系电话：0914-0000000"（默认留空待填）
  --report    check 时为每个单位写出自查自纠工作报告草稿（.docx），merge 时写出县专项清理工作总结草稿；黄色底纹处需补充
  --previous  merge 时与上一轮的县汇总工作簿对比，生成“整改情况”表（已整改/仍存在/新增、整改率、离开名单的人员）
  --lang en   英文输出

退出码：0 无错误且无红色证件；1 发现问题；2 有输入文件无法使用或输出未能写出（其余文件照常处理；merge 同样如此）。`,
    en: `cert-sweep — checks the law-enforcement certificate clean-up workbook (摸排统计表)

Usage:
  cert-sweep check FILE.xlsx... [--out PATH] [--json] [--date YYYY-MM-DD] [--profile PROFILE.json]
                  [--sheet SHEET] [--agency-sheet SHEET] [--map HEADER=CANONICAL]...
  cert-sweep merge FILES-OR-FOLDERS... --out SUMMARY.xlsx [--json] [--expected UNITS.txt] [--full-ids]
                  [--feedback DIR] [--contact TEXT] [--previous LAST-ROUND.xlsx]
  cert-sweep clear FILE.xlsx --out PATH
  cert-sweep upcoming FILE.xlsx... [--days 90] [--date YYYY-MM-DD] [--json]
  cert-sweep template [--out PATH]
  cert-sweep demo [--out DIR] [--date YYYY-MM-DD]
  cert-sweep rules [--json]

Exit status: 0 no error and no red certificate; 1 findings; 2 an input could not be used or an output not written (the rest are still processed; merge alike).`,
  },
  badArgs: { zh: '命令参数有误：{detail}\n运行 cert-sweep --help 查看用法。', en: 'Bad arguments: {detail}\nRun cert-sweep --help for usage.' },
  unknownCommand: { zh: '未知命令「{cmd}」。可用命令：check、merge、clear、upcoming、template、demo、rules。', en: 'Unknown command "{cmd}". Commands: check, merge, clear, upcoming, template, demo, rules.' },
  mergeNeedsOut: { zh: '请用 --out 指定汇总工作簿的文件名，例如 --out 柞水县汇总.xlsx。', en: 'Name the consolidated workbook with --out, e.g. --out county.xlsx.' },
  noExpected: { zh: '找不到应报送单位名单「{file}」。', en: 'Expected-units file "{file}" not found.' },
  noXlsx: { zh: '指定的文件夹中没有 .xlsx 文件。', en: 'No .xlsx files in the folders given.' },
  mergeProgress: { zh: '[{i}/{n}] {file}：{status}', en: '[{i}/{n}] {file}: {status}' },
  mergeSkipped: { zh: '已跳过 {n} 个本工具自己生成的文件（县汇总工作簿、反馈意见工作簿或校验副本）：{names}', en: 'Skipped {n} files this tool wrote itself (county workbooks, feedback workbooks or checked copies): {names}' },
  statusOk: { zh: '已校验', en: 'checked' },
  mergeHead: { zh: '汇总 {files} 个文件（无法使用 {bad} 个）：执法人员 {people} 人，红 {red} · 黄 {yellow} · 绿 {green}；跨单位问题 {cross} 条。', en: 'Merged {files} files ({bad} unusable): {people} people, red {red} · yellow {yellow} · green {green}; {cross} cross-unit findings.' },
  mergeSubmissions: { zh: '报送情况：合格 {ok}，有问题 {bad}，格式不符 {format}，未报送 {missing}{names}', en: 'Submissions: clean {ok}, with problems {bad}, unreadable format {format}, missing {missing}{names}' },
  badMap: { zh: '--map 的写法不对：{value}。应写成 表头=规范表头，规范表头取自模板，例如 --map 持证单位=执法主体。', en: 'Bad --map: {value}. Write HEADER=CANONICAL with a template header, e.g. --map 持证单位=执法主体.' },
  noFiles: { zh: '请指定要校验的 .xlsx 文件，例如：cert-sweep check 摸排统计表.xlsx', en: 'Name the .xlsx files to check, e.g. cert-sweep check roster.xlsx' },
  badDate: { zh: '核查日期「{value}」格式不对，请写成 YYYY-MM-DD，例如 2024-06-05。', en: 'Check date "{value}" must be YYYY-MM-DD, e.g. 2024-06-05.' },
  badProfile: { zh: '规则配置文件「{file}」有误：\n{detail}', en: 'Profile "{file}" is invalid:\n{detail}' },
  profileNoRight: { zh: '没有读取规则配置文件「{file}」的权限，请检查文件权限。', en: 'No permission to read the profile "{file}".' },
  profileIsFolder: { zh: '「{file}」是文件夹，--profile 应指定规则配置文件（.json）。', en: '"{file}" is a folder; --profile takes a .json file.' },
  noProfile: { zh: '找不到规则配置文件「{file}」。', en: 'Profile "{file}" not found.' },
  fileHead: { zh: '【{file}】{unit}', en: '[{file}] {unit}' },
  counts: { zh: '  执法人员 {people} 人，持证（含申领）{holders} 人：红 {red} · 黄 {yellow} · 绿 {green}', en: '  {people} people, {holders} holders: red {red} · yellow {yellow} · green {green}' },
  agencies: { zh: '  执法主体 {n} 个：红 {red} · 黄 {yellow} · 绿 {green}', en: '  {n} bodies: red {red} · yellow {yellow} · green {green}' },
  findings: { zh: '  发现问题 {n} 条（错误 {error}，警告 {warning}，提示 {info}）：{rules}', en: '  {n} findings ({error} errors, {warning} warnings, {info} notes): {rules}' },
  noFindings: { zh: '  未发现问题。', en: '  No findings.' },
  written: { zh: '  已写出：{out}', en: '  Written: {out}' },
  notWritten: { zh: '  未写出校验副本：{message}', en: '  Checked copy not written: {message}' },
  failed: { zh: '  无法校验：{message}', en: '  Could not check: {message}' },
  notice: { zh: '  提示：{message}', en: '  Note: {message}' },
  total: { zh: '合计 {files} 个文件：红 {red} · 黄 {yellow} · 绿 {green}；无法使用或未能写出 {bad} 个。', en: 'Total {files} files: red {red} · yellow {yellow} · green {green}; {bad} unusable or not written.' },
  templateWritten: { zh: '已生成空白模板：{out}', en: 'Template written: {out}' },
  demoWritten: { zh: '已生成示例工作簿（核查日期 {date}）：', en: 'Sample workbooks written (check date {date}):' },
  cleared: { zh: '已清除 {n} 处标记，写出：{out}', en: 'Cleared {n} marks; written: {out}' },
  clearNeedsOut: { zh: '请用 --out 指定清除标记后的文件名（本工具从不改动原文件）。', en: 'Use --out to name the cleaned file (inputs are never changed).' },
  outIsDirForMany: { zh: '校验多个文件时，--out 应为文件夹。', en: 'With several files, --out must be a folder.' },
  upcomingHead: { zh: '【{file}】{unit}：核查日期 {date} 起 {days} 天内（至 {until}）颜色将变差的有 {people} 人、执法主体 {bodies} 个：', en: '[{file}] {unit}: within {days} days of {date} (to {until}), {people} people and {bodies} bodies get a worse colour:' },
  upcomingNone: { zh: '  {days} 天内（至 {until}）没有人员或执法主体的颜色会变差。', en: '  Nothing gets a worse colour within {days} days (to {until}).' },
  upcomingBadDays: { zh: '--days 应为 1 到 3650 之间的整数天数，例如 --days 90；收到的是「{value}」。', en: '--days takes a whole number of days from 1 to 3650, e.g. --days 90; got "{value}".' },
  upcomingNoFiles: { zh: '请指定要查看到期提醒的 .xlsx 文件，例如：cert-sweep upcoming 摸排统计表.xlsx --days 90', en: 'Name the .xlsx files, e.g. cert-sweep upcoming roster.xlsx --days 90' },
  upcomingSummary: { zh: '{files} 个文件：{n} 人或执法主体将在 {days} 天内变色；无法使用 {bad} 个。', en: '{files} files: {n} people or bodies change colour within {days} days; {bad} unusable.' },
} satisfies Record<string, { zh: string; en: string }>;

export type MessageId = keyof typeof M;

export function t(lang: Lang, id: MessageId, data: Record<string, string | number> = {}): string {
  return M[id][lang].replace(/\{(\w+)\}/g, (_, k) => (k in data ? String(data[k]) : `{${k}}`));
}
