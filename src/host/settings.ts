import { DEFAULT_PROFILE, parseProfile, Profile } from '../core';
import type { HostSettings } from './types';

/** The keys every host keeps its settings under (Excel's document settings, WPS's, the page's storage). */
export const PROFILE_KEY = 'certSweep.profile';
export const EXPECTED_KEY = 'certSweep.expectedUnits';

/** The saved rule profile, or the default when there is none or it no longer parses. */
export function loadProfile(settings: Pick<HostSettings, 'get'>): Profile {
  const saved = settings.get(PROFILE_KEY);
  if (typeof saved !== 'string') return DEFAULT_PROFILE;
  const r = parseProfile(saved);
  return 'profile' in r ? r.profile : DEFAULT_PROFILE;
}

/** Settings kept in memory: the simulation, and the offline page where the browser keeps no storage. */
export function memorySettings(): HostSettings {
  const m = new Map<string, unknown>();
  return { get: (k) => m.get(k), set: (k, v) => void m.set(k, v), save: async () => undefined };
}
