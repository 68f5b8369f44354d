import { isAvailable } from './api-sets';
import { SimContext, SimOptions } from './context';
import { SimWorkbookState } from './model';
import { SimWorkbook } from './worksheet';
import { EXCEL_API_SETS } from './api-sets';

/**
 * An in-memory stand-in for the Excel JavaScript API, as strict as Excel where the add-in depends on
 * it: proxies whose properties must be loaded and synced before they are read; commands queued and run
 * at context.sync(); sync and payload counting with Excel on the web's limits; and every member's
 * requirement set taken from @types/office-js, so any ExcelApi version from 1.1 to 1.20 can be
 * simulated. Each modelled behaviour names its source where it is implemented (one file per object).
 */
export { SimContext, SimError, WEB_PAYLOAD_LIMIT } from './context';
export type { SimOptions, SyncRecord } from './context';

/** Any ExcelApi version, "1.1" … "1.20". */
export type ApiVersion = string;

export type SimRequestContext = SimContext & { workbook: SimWorkbook };

/** The globals an add-in sees: Excel.run (with or without RunOptions) and Office.context.requirements. */
export function simulateExcel(state: SimWorkbookState, options: SimOptions) {
  const contexts: SimContext[] = [];
  const missing = new Set(options.missingClasses ?? []);
  const run = async <T>(a: { delayForCellEdit?: boolean } | ((ctx: SimRequestContext) => Promise<T>), b?: (ctx: SimRequestContext) => Promise<T>): Promise<T> => {
    const batch = typeof a === 'function' ? a : b!;
    const opts = typeof a === 'function' ? {} : a;
    const ctx = new SimContext(state, options, !!opts.delayForCellEdit) as SimRequestContext;
    ctx.workbook = new SimWorkbook(ctx);
    contexts.push(ctx);
    return batch(ctx);
  };
  // the classes office.js defines, for feature detection: all the typings know, less a stale copy's gaps
  const Excel: Record<string, unknown> & { run: typeof run } = { run };
  for (const cls of Object.keys(EXCEL_API_SETS)) if (!missing.has(cls)) Excel[cls] = function SimClass() {};
  const Office = {
    context: {
      displayLanguage: 'zh-CN',
      requirements: { isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && isAvailable(version ?? '1.1', options.api) },
    },
  };
  const totals = () => ({
    syncs: contexts.reduce((n, c) => n + c.syncs.length, 0),
    maxRequestBytes: Math.max(0, ...contexts.map((c) => c.stats.maxRequestBytes)),
    maxResponseBytes: Math.max(0, ...contexts.map((c) => c.stats.maxResponseBytes)),
    excelMs: contexts.reduce((n, c) => n + c.syncs.reduce((m, s) => m + s.ms, 0), 0),
  });
  const library = (cls: string) => typeof Excel[cls] === 'function';
  return { Excel, Office, library, state, contexts, totals, reset: () => void (contexts.length = 0) };
}
