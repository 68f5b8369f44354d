/** The core's public face, for hosts: the task pane (next issue) and the CLI build on these. */
export { checkWorkbook, enabledRules } from './engine';
export type { CheckResult, CheckOptions, PersonVerdict, AgencyVerdict } from './engine';
export { planForCheck, findingsSheet, summarySheet } from './plan';
export type { Plan, CellMark, ColumnBlock, OutSheet, OutCell } from './plan';
export { summarize, totalOf, SUMMARY_COLUMNS } from './summary';
export { DEFAULT_PROFILE, parseProfile, mergeProfile, ProfileSchema } from './profile';
export type { Profile } from './profile';
export { locateTables } from './reader';
export { RULES } from './rules';
export { dayFromIso, isoFromDay, todayLocal } from './dates';
export { jsonReport, exitStatus } from './contract';
export type { WorkbookGrid, SheetGrid, CellValue } from './types';
