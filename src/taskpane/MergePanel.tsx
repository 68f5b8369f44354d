import { Button, Caption1, Checkbox, Field, MessageBar, MessageBarBody, ProgressBar, Text, Textarea } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { consolidate, Consolidated, consolidatedSheets, Day, feedbackFileName, feedbackForUnits, FileCheck, fill, maskIdsIn, Profile } from '../core';
import { checkFiles, isSpreadsheetInFolder, PaneFile } from '../host/check-files';
import { EXPECTED_KEY } from '../host/settings';
import type { PaneHost } from '../host/types';
import { Strings } from './i18n';

/** A file picked with its folder: its path within the folder names it, as the command line's merge does. */
const inFolder = (f: File): PaneFile => {
  const rel = (f as File & { webkitRelativePath?: string }).webkitRelativePath;
  return rel ? { name: rel.replace(/^[^/]*\//, ''), arrayBuffer: () => f.arrayBuffer() } : f;
};

/** 合并各单位: the county picks the units' files; header drift is shown first, and the clerk decides. */
export function MergePanel(props: { host: PaneHost; t: Strings; checkDate: Day; profile: Profile; generatedAt: () => string }) {
  const { host, t } = props;
  const [files, setFiles] = useState<PaneFile[]>([]);
  const [expected, setExpected] = useState(String(host.settings.get(EXPECTED_KEY) ?? ''));
  // the county workbook is passed on: ID numbers masked unless the clerk asks for them whole
  const [fullIds, setFullIds] = useState(false);
  const shown = (s: string) => (fullIds ? s : maskIdsIn(s));
  const filePicker = useRef<HTMLInputElement>(null);
  const folderPicker = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ i: number; n: number; name: string } | null>(null);
  const [pending, setPending] = useState<Consolidated | null>(null);
  // our own outputs among the picked files, said with the result (a ref: the write may follow in the same turn)
  const skipped = useRef<FileCheck[]>([]);
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'info'; text: string } | null>(null);
  // the last merge written, for each unit's 反馈意见
  const [merged, setMerged] = useState<{ m: Consolidated; units: string[] } | null>(null);
  const [feedback, setFeedback] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  const saveFeedback = async (last: { m: Consolidated; units: string[] }) => {
    const books = feedbackForUnits(last.m, last.units, { checkDate: props.checkDate, generatedAt: props.generatedAt(), profile: props.profile, fullIds })
      .map((u) => ({ name: feedbackFileName(u.unit), sheets: u.sheets }));
    const r = await host.saveBooks!(books);
    setFeedback({ intent: r.ok ? 'success' : 'error', text: r.ok ? `${fill(t.feedbackMade, { n: books.length })}${r.message}` : r.message });
  };

  const write = async (m: Consolidated) => {
    setPending(null);
    const sheets = consolidatedSheets(m, { unit: '柞水县司法局', checkDate: props.checkDate, profile: props.profile, generatedAt: props.generatedAt(), maskIds: !fullIds });
    const r = await host.writeSheets(sheets);
    setMerged(r.ok ? { m, units: expectedUnits() } : null);
    setFeedback(null);
    const bad = m.files.filter((f) => f.status !== 'ok');
    const note = [
      bad.length ? `${t.badFiles}：${bad.map((f) => shown(f.message)).join('；')}` : '',
      skipped.current.length ? `${t.skippedFiles}：${skipped.current.map((f) => f.message).join('；')}` : '',
    ].join('');
    // the host may say where the county's workbook went (the offline page downloads it)
    setMessage(r.ok ? { intent: bad.length ? 'info' : 'success', text: `${fill(t.merged, { files: m.files.length })}${r.message}${note}` } : { intent: 'error', text: r.message });
  };

  const expectedUnits = () => expected.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);

  const start = async () => {
    setMessage(null);
    const units = expectedUnits();
    host.settings.set(EXPECTED_KEY, units.join('\n'));
    // kept for next time where the host can; a read-only workbook keeps them for this session only
    await host.settings.save().catch(() => undefined);
    const { checks, skipped: ours } = await checkFiles(files, { checkDate: props.checkDate, profile: props.profile }, (i, n, name) => setProgress({ i, n, name }));
    setProgress(null);
    skipped.current = ours;
    const m = consolidate(checks, props.profile, units);
    if (m.cross.some((f) => f.rule === 'X04')) setPending(m);
    else await write(m);
  };

  const bad = pending?.files.filter((f) => f.status !== 'ok') ?? [];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}>
      {/* the browser's own file buttons speak the system's language and look; these speak the pane's */}
      <Text>{t.mergeFiles}</Text>
      <div style={{ display: 'flex', gap: 8 }}>
        <Button onClick={() => filePicker.current?.click()}>{t.pickFiles}</Button>
        <Button onClick={() => folderPicker.current?.click()}>{t.pickFolder}</Button>
      </div>
      <input ref={filePicker} type="file" multiple hidden accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label={t.mergeFiles}
        onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
      {/* webkitdirectory: every browser engine the pane runs in (WebView2, WKWebView, Firefox) picks a folder with it */}
      <input ref={folderPicker} type="file" hidden aria-label={t.mergeFolder} {...{ webkitdirectory: '' }}
        onChange={(e) => setFiles(Array.from(e.target.files ?? []).filter((f) => isSpreadsheetInFolder(f.name)).map(inFolder)
          // in name order, as the command line's merge takes a folder
          .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')))} />
      {files.length > 0 && <Caption1>{fill(t.mergePicked, { n: files.length, names: files.slice(0, 3).map((f) => f.name).join('、') + (files.length > 3 ? '…' : '') })}</Caption1>}
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
      {merged && (
        <section aria-label={t.feedback} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
          <Text weight="semibold">{t.feedback}</Text>
          {host.saveBooks
            ? <div><Button onClick={() => saveFeedback(merged)}>{t.feedbackSave}</Button></div>
            : <Caption1>{t.feedbackElsewhere}</Caption1>}
          {feedback && <MessageBar intent={feedback.intent}><MessageBarBody>{feedback.text}</MessageBarBody></MessageBar>}
        </section>
      )}
    </div>
  );
}
