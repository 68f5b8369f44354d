import { Day, DEFAULT_PROFILE, jsonReport, JsonReport, Profile } from '../core';

/**
 * The --json contract of outputs.md, with every outcome's status and a one-line message at the end: a
 * program reading stdout gets JSON whether the run checked files, found none, or was misused.
 */
export type JsonStatus = 'ok' | 'findings' | 'unusable' | 'usage-error' | 'internal-error';

const BY_EXIT: Record<number, JsonStatus> = { 0: 'ok', 1: 'findings', 2: 'unusable' };

export function jsonOutcome(report: JsonReport, exit: number, message: string): string {
  return JSON.stringify({ ...report, status: BY_EXIT[exit] ?? 'unusable', message }, null, 2);
}

/** Nothing was checked: the contract's shape, empty, with why (or, for clear and template, what was written). */
export function jsonFailure(checkDate: Day, profile: Profile | undefined, status: JsonStatus, message: string, extra: Record<string, unknown> = {}): string {
  const empty = jsonReport(checkDate, profile ?? DEFAULT_PROFILE, [], [], [], { byAgency: false });
  return JSON.stringify({ ...empty, status, message, ...extra }, null, 2);
}
