import { useState } from 'react';
import { Day, Profile, todayLocal } from '../core';
import { loadProfile, PROFILE_KEY } from '../host/settings';
import type { HostSettings } from '../host/types';

/**
 * The pane's rule profile and check date, in one place: the profile loaded once from the host's settings,
 * the date a Day from the start (the date field parses the clerk's input at its edge).
 */
export function usePaneSettings(settings: HostSettings) {
  const [profile, setProfile] = useState<Profile>(() => loadProfile(settings));
  const [checkDate, setCheckDate] = useState<Day>(todayLocal);
  /** keeps the profile with the workbook (or the page); false when the host could not save it */
  const save = async (): Promise<boolean> => {
    settings.set(PROFILE_KEY, JSON.stringify(profile));
    try {
      await settings.save();
      return true;
    } catch {
      return false;
    }
  };
  return { profile, setProfile, checkDate, setCheckDate, save };
}
