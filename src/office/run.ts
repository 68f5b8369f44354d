import { capabilities, Capabilities } from './mode';

/** Excel.run as the add-in gets it: the real one, or the simulation's in tests and the playground. */
export type Run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * The real Excel.run. delayForCellEdit (ExcelApi 1.11, ignored by older Excel) makes a batch wait while
 * the clerk is typing in a cell instead of failing with InvalidOperationInCellEditMode.
 */
export const officeRun: Run = (batch) => Excel.run({ delayForCellEdit: true }, batch);

/** Whether the loaded office.js defines Excel[cls]: a stale same-origin copy may lack newer classes. */
export const officeLibrary = (cls: string): boolean => typeof (Excel as unknown as Record<string, unknown>)[cls] === 'function';

/** What the Excel this add-in runs in can do, and what the loaded office.js defines. */
export function officeCapabilities(): Capabilities {
  return capabilities(Office.context.requirements, officeLibrary);
}
