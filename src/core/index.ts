/**
 * The core's public face: every host (the CLI, the .xlsx adapter, the add-in, the playground, the samples, the
 * bench and scripts) imports the core from here, never from a module inside it (eslint.config.mjs).
 */
export { checkWorkbook, enabledRules, worse } from './engine';
export type { CheckResult, CheckOptions, PersonVerdict, AgencyVerdict, FileStatus } from './engine';
export { planForCheck, findingsSheet, summarySheet, ID_NUMBERS_ZH, PALETTE, VERDICT_ZH, LEVEL_ZH, RESULT_HEADERS, FINDINGS_SHEET, SUMMARY_SHEET } from './plan';
export type { Plan, CellMark, ColumnBlock, OutSheet, OutCell, Style, PlanOptions } from './plan';
export { summarize, totalOf, SUMMARY_COLUMNS } from './summary';
export type { SummaryRow } from './summary';
export { DEFAULT_PROFILE, parseProfile, mergeProfile, ProfileSchema } from './profile';
export type { Profile, Params, RuleSetting } from './profile';
export { locateTables, mappingFrom, OUTPUT_SHEETS, OUTPUT_COLUMNS } from './reader';
export { cleanUnitName, unitKey } from './unit-name';
export type { ReadOptions, Table, Located } from './reader';
export { RULES } from './rules';
export { CROSS_RULES } from './cross';
export type { FileCheck, CrossFinding } from './cross/context';
export { consolidate, consolidatedSheets } from './consolidate';
export type { Consolidated, Submission } from './consolidate';
export { ruleCatalogue } from './catalogue';
export { fill } from './rule';
export type { Finding, Rule, RuleMeta } from './rule';
export { TABLES, PERSON_FIELDS, AGENCY_FIELDS } from './fields';
export type { FieldDef, FieldType, TableKind } from './fields';
export { dayFromIso, isoFromDay, todayLocal, timestamp, dayFromYmd, ymdFromDay, dayFromSerial, serialFromDay } from './dates';
export type { Day } from './dates';
export { makeId, maskId, maskIdsIn } from './idnumber';
export { a1, colLetter, colNumber, sheetRef } from './a1';
export { groupBy } from './group';
export { jsonReport, exitStatus } from './contract';
export type { FileEntry, JsonReport } from './contract';
export { CELL_TEXT_LIMIT, fitCell } from './text';
export { isCellError } from './types';
export type { WorkbookGrid, SheetGrid, CellValue, CellError, Colour, FindingColour, Verdict, Level, Lang, Text } from './types';
export { upcoming, upcomingLine, type Upcoming, type UpcomingItem, type ColourChange, type UpcomingOptions } from './upcoming';
