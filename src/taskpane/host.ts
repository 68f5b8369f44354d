import { Requirements } from '../office/mode';
import { officeLibrary, officeRun, Run } from '../office/run';

/** What the pane needs from Office: the real one in Excel, the simulation in tests and the playground. */
export interface Host {
  run: Run;
  requirements: Requirements;
  /** whether the loaded office.js defines Excel[cls] (a stale same-origin copy may lack some) */
  library?: (cls: string) => boolean;
  displayLanguage: string;
  settings: {
    get(key: string): unknown;
    set(key: string, value: unknown): void;
    save(): Promise<void>;
  };
}

export function officeHost(): Host {
  const settings = Office.context.document.settings;
  return {
    run: officeRun,
    requirements: Office.context.requirements,
    library: officeLibrary,
    displayLanguage: Office.context.displayLanguage,
    settings: {
      get: (k) => settings.get(k),
      set: (k, v) => settings.set(k, v),
      save: () => new Promise((resolve, reject) => settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error)))),
    },
  };
}

/** Settings kept in memory, for the simulation. */
export function memorySettings(): Host['settings'] {
  const m = new Map<string, unknown>();
  return { get: (k) => m.get(k), set: (k, v) => void m.set(k, v), save: async () => undefined };
}
