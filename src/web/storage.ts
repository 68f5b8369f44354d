import { memorySettings } from '../host/settings';
import type { HostSettings } from '../host/types';

/**
 * The page's settings under the keys the add-ins use, in the browser's localStorage. Opened from a file,
 * a browser may have none or refuse it (Firefox with cookies blocked, a locked-down profile): the settings
 * then last while the page is open, and saving says so.
 */
export function pageSettings(storage: Storage | null = probe()): HostSettings {
  if (!storage) {
    const m = memorySettings();
    return { ...m, save: async () => { throw new Error('no storage'); } };
  }
  const pending = new Map<string, unknown>();
  return {
    get: (k) => {
      if (pending.has(k)) return pending.get(k);
      const raw = storage.getItem(k);
      if (raw === null) return undefined;
      try {
        return JSON.parse(raw);
      } catch {
        return undefined;
      }
    },
    set: (k, v) => void pending.set(k, v),
    save: async () => {
      for (const [k, v] of pending) storage.setItem(k, JSON.stringify(v));
      pending.clear();
    },
  };
}

function probe(): Storage | null {
  try {
    const s = window.localStorage;
    s.setItem('certSweep.probe', '1');
    s.removeItem('certSweep.probe');
    return s;
  } catch {
    return null;
  }
}
