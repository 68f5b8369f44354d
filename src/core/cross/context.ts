import { a1 } from '../a1';
import { CheckResult, FileStatus } from '../engine';
import { Finding, fill, RuleMeta } from '../rule';
import { fitCell } from '../text';
import { FindingColour, Level } from '../types';

/** Rules across units' workbooks (rules.md X): they run on what each file's check left. */
export interface FileCheck {
  file: string;
  status: FileStatus;
  message: string;
  result?: CheckResult;
}

export type CrossFinding = Finding & { file: string };

export interface CrossReport {
  file: string;
  messageId: string;
  data?: Record<string, string | number>;
  variant?: string;
  level?: Level;
  sheet?: string;
  row?: number;
  col?: number;
  column?: string;
  name?: string;
}

export interface CrossContext {
  files: FileCheck[];
  report(r: CrossReport): void;
}

export interface CrossRule {
  meta: RuleMeta;
  check(ctx: CrossContext): void;
}

/** Where another copy stands, for a message: 《营盘镇.xlsx》人员!D5 */
export function where(file: string, sheet: string, cell: string): string {
  return `《${file.split(/[\\/]/).pop()}》${sheet}!${cell}`;
}

export function runCrossRules(rules: CrossRule[], files: FileCheck[], colours: Record<string, { colour?: FindingColour | 'none'; variants?: Record<string, FindingColour | 'none'>; enabled?: boolean }> = {}): CrossFinding[] {
  const out: CrossFinding[] = [];
  for (const rule of rules) {
    if (colours[rule.meta.id]?.enabled === false) continue;
    const ctx: CrossContext = {
      files,
      report: (r) => {
        const setting = colours[rule.meta.id];
        const c = r.variant ? setting?.variants?.[r.variant] ?? rule.meta.variants?.[r.variant] : setting?.colour ?? rule.meta.colour;
        const colour = c === undefined || c === 'none' ? null : c;
        const msg = rule.meta.messages[r.messageId];
        const row = r.row ?? 0;
        const col = r.col ?? 0;
        out.push({
          rule: rule.meta.id, messageId: r.messageId,
          level: r.level ?? (colour === 'red' ? 'error' : 'warning'), colour,
          table: 'person', sheet: r.sheet ?? '', row, col, column: r.column ?? '', cell: row && col ? a1(row, col) : '',
          name: r.name ?? '', message: fitCell(fill(msg.zh, r.data)), messageEn: fitCell(fill(msg.en, r.data)),
          action: rule.meta.action.zh, actionEn: rule.meta.action.en, file: r.file,
        });
      },
    };
    rule.check(ctx);
  }
  return out;
}
