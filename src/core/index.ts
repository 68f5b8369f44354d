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
export { DEFAULT_PROFILE, parseProfile, mergeProfile, ProfileSchema, ruleOption } from './profile';
export type { Profile, Params, RuleSetting } from './profile';
export { BOOK_MARK_SHEET, BOOK_MAGIC, BOOK_MARK_SAYS, bookKindOf, notCheckedSays, skippedInMergeSays } from './book-mark';
export type { BookKind } from './book-mark';
export { locateTables, mappingFrom, OUTPUT_SHEETS, OUTPUT_COLUMNS, freeSheetName, isOutputSheet, lastRunSheets, withFreeNames } from './reader';
export { cleanUnitName, unitKey } from './unit-name';
export type { ReadOptions, Table, Located } from './reader';
export { RULES } from './rules';
export { CROSS_RULES } from './cross';
export type { FileCheck, CrossFinding } from './cross/context';
export { consolidate, consolidatedSheets, detailRows, detailSheet, findingsRows } from './consolidate';
export type { Consolidated, Submission } from './consolidate';
export { ruleCatalogue } from './catalogue';
export { fill } from './rule';
export type { Finding, Rule, RuleMeta, RuleOption } from './rule';
export { TABLES, PERSON_FIELDS, AGENCY_FIELDS, LEDGER_FIELDS, TRAINING_FIELDS, LEDGER_EVENTS, TRAINING_CATEGORIES, TRAINING_MODES, OPTIONAL_KINDS } from './fields';
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
// issue 12, the campaign after the first submission: deadlines, feedback to units (campaign.ts, feedback.ts)
export { CampaignSchema, DEFAULT_CAMPAIGN, campaignOf, campaignDays, deadlineLine, fullDate, monthDay } from './campaign';
export type { Campaign, PartialCampaign } from './campaign';
export { feedbackForUnits, feedbackFileName, type UnitFeedback, type FeedbackOptions } from './feedback';
export { feedbackReply, type FeedbackReply } from './feedback-layout';
export { sha256Hex } from './sha256';
// issue 12: rounds (整改情况) and deliverables (报送情况)
export { ROUND_SHEET, ROUND_VERSION, roundSalt, personKey, type Sha256, roundOf, roundPeople, fileKeys, roundSheet, readRound, compareRounds, progressSheet } from './rounds';
export type { Round, RoundPerson, Progress, UnitProgress, PersonProgress } from './rounds';
export { deliveries, deliveriesSheet, isLockOrHidden, kindOf, matchUnit, DELIVERABLE_ZH } from './deliverables';
export { unitProgressOf, progressLines } from './unit-progress';
export { campaignSheets, campaignLines, inboxWithChecks, progressTotals, type CampaignInput, type CampaignSheets } from './campaign-run';
export type { InboxFile, Deliveries, Delivery, DeliverableKind, DeliveryStatus } from './deliverables';
// issue 12: report drafts as data (the .docx is laid out by src/report)
export { unitReport, countyReport, byCategory, CATEGORIES } from './report-model';
export type { ReportDoc, Block, Run as ReportRun, CategoryCount } from './report-model';
export { planEvent, KEEP_AS_TEXT, type EventInput, type EventPlan } from './event-form';
