import { Button, Caption1, Checkbox, Field, MessageBar, MessageBarBody, ProgressBar, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { consolidate, Consolidated, Day, fill, maskIdsIn, Profile } from '../core';
import { Capabilities } from '../office/mode';
import { Host } from './host';
import { Strings } from './i18n';
import { checkFiles, PaneFile, writeConsolidated } from './merge';

const EXPECTED_KEY = 'certSweep.expectedUnits';

/** 合并各单位: the county picks the units' files; header drift is shown first, and the clerk decides. */
export function MergePanel(props: { host: Host; caps: Capabilities; t: Strings; checkDate: Day; profile: Profile; generatedAt: () => string }) {
  const { host, caps, t } = props;
  const [files, setFiles] = useState<PaneFile[]>([]);
  const [expected, setExpected] = useState(String(host.settings.get(EXPECTED_KEY) ?? ''));
  // the county workbook is passed on: ID numbers masked unless the clerk asks for them whole
  const [fullIds, setFullIds] = useState(false);
  const shown = (s: string) => (fullIds ? s : maskIdsIn(s));
  const [progress, setProgress] = useState<{ i: number; n: number; name: string } | null>(null);
  const [pending, setPending] = useState<Consolidated | null>(null);
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'info'; text: string } | null>(null);

  const write = async (m: Consolidated) => {
    setPending(null);
    const r = await writeConsolidated(host.run, caps, m, { checkDate: props.checkDate, profile: props.profile, generatedAt: props.generatedAt(), maskIds: !fullIds });
    const bad = m.files.filter((f) => f.status !== 'ok');
    const note = bad.length ? `${t.badFiles}：${bad.map((f) => shown(f.message)).join('；')}` : '';
    setMessage(r.ok ? { intent: bad.length ? 'info' : 'success', text: `${fill(t.merged, { files: m.files.length })}${note}` } : { intent: 'error', text: r.message });
  };

  const start = async () => {
    setMessage(null);
    const units = expected.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
    host.settings.set(EXPECTED_KEY, units.join('\n'));
    await host.settings.save();
    const checks = await checkFiles(files, { checkDate: props.checkDate, profile: props.profile }, (i, n, name) => setProgress({ i, n, name }));
    setProgress(null);
    const m = consolidate(checks, props.profile, units);
    if (m.cross.some((f) => f.rule === 'X04')) setPending(m);
    else await write(m);
  };

  const bad = pending?.files.filter((f) => f.status !== 'ok') ?? [];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}>
      <Field label={t.mergeFiles}>
        <input type="file" multiple accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label={t.mergeFiles}
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
      </Field>
      <Field label={t.expectedUnits}>
        <Textarea value={expected} onChange={(_, d) => setExpected(d.value)} resize="vertical" />
      </Field>
      <Checkbox checked={fullIds} label={t.fullIds} onChange={(_, d) => setFullIds(d.checked === true)} />
      <Button appearance="primary" disabled={files.length === 0 || !!progress} onClick={start}>{t.startMerge}</Button>
      {progress && (
        <>
          <ProgressBar value={progress.i / progress.n} aria-label={fill(t.mergeProgress, progress)} />
          <Caption1 aria-live="polite">{fill(t.mergeProgress, progress)}</Caption1>
        </>
      )}
      {pending && (
        <section aria-label={t.driftTitle}>
          <Text weight="semibold" block>{t.driftTitle}</Text>
          <ul>{pending.cross.filter((f) => f.rule === 'X04').map((f, i) => <li key={i}><Caption1>{f.file}：{shown(f.message)}</Caption1></li>)}</ul>
          {bad.length > 0 && <Text block>{t.badFiles}：{bad.map((f) => shown(f.message)).join('；')}</Text>}
          <div style={{ display: 'flex', gap: 8 }}>
            <Button appearance="primary" onClick={() => write(pending)}>{t.goOn}</Button>
            <Button onClick={() => { setPending(null); setMessage({ intent: 'info', text: t.stopped }); }}>{t.stop}</Button>
          </div>
        </section>
      )}
      {message && <MessageBar intent={message.intent}><MessageBarBody>{message.text}</MessageBarBody></MessageBar>}
    </div>
  );
}
