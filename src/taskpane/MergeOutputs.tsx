import { Button, Caption1, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { Consolidated, countyReport, Day, Deliveries, feedbackFileName, feedbackForUnits, fill, Profile, Progress } from '../core';
import type { Done, PaneHost } from '../host/types';
import { saidOf, saveFeedback, saveDraft } from './files';
import { Strings } from './i18n';

export interface Merged {
  m: Consolidated;
  units: string[];
  deliveries: Deliveries;
  progress?: Progress;
  /** what the merge says about deliverables and rounds (core: campaignLines) */
  lines: string[];
}

/** After a merge: what came in and what was fixed, then each unit's 反馈意见 and the county's 工作总结 as files. */
export function MergeOutputs(props: { host: PaneHost; t: Strings; merged: Merged; checkDate: Day; profile: Profile; fullIds: boolean; generatedAt: () => string; en: boolean }) {
  const { host, t, merged } = props;
  const [said, setSaid] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const show = (r: Done, done: string) => setSaid(saidOf(r, done, props.en));
  const act = (f: () => Promise<void>) => async () => {
    setBusy(true);
    setSaid(null);
    try {
      await f();
    } finally {
      setBusy(false);
    }
  };

  const feedback = act(async () => {
    const units = feedbackForUnits(merged.m, merged.units, { checkDate: props.checkDate, generatedAt: props.generatedAt(), profile: props.profile, fullIds: props.fullIds });
    const r = await saveFeedback(host, units.map((u) => ({ name: feedbackFileName(u.unit), sheets: u.sheets })));
    show(r, fill(t.feedbackMade, { n: units.length }));
  });
  const draft = act(async () => {
    const name = '县汇总_专项清理工作总结（草稿）.docx';
    const doc = countyReport(merged.m, { checkDate: props.checkDate, profile: props.profile, deliveries: merged.deliveries, progress: merged.progress });
    show(await saveDraft(host, doc, name), fill(t.draftMade, { name }));
  });

  return (
    <section aria-label={t.campaignTitle} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
      <Text weight="semibold">{t.campaignTitle}</Text>
      {merged.lines.map((l, i) => <Caption1 key={i} block>{l}</Caption1>)}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button disabled={busy} onClick={feedback}>{t.feedbackSave}</Button>
        <Button disabled={busy} onClick={draft}>{t.countyDraft}</Button>
      </div>
      {said && <MessageBar intent={said.intent}><MessageBarBody>{said.text}</MessageBarBody></MessageBar>}
    </section>
  );
}
