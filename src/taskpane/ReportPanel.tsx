import { Button, Caption1, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { checkWorkbook, CheckResult, cleanUnitName, Day, fill, Profile, Progress, progressLines, unitProgressOf, unitReport } from '../core';
import type { PaneHost } from '../host/types';
import { readBytes } from '../xlsx/check-bytes';
import { InputError } from '../xlsx/input-error';
import { saidOf, saveDraft } from './files';
import { Strings } from './i18n';

/**
 * After a unit's check: its 自查自纠工作报告 draft (.docx), and, when the clerk picks the file the unit sent last time,
 * what was fixed since (as `check --previous` compares: the earlier file checked again with today's date and rules).
 */
export function ReportPanel(props: { host: PaneHost; t: Strings; result: CheckResult; checkDate: Day; profile: Profile; generatedAt: () => string; en: boolean }) {
  const { host, t, result } = props;
  const picker = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ name: string; p: Progress } | null>(null);
  const [said, setSaid] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const compare = async (f: File | undefined) => {
    setSaid(null);
    setProgress(null);
    if (!f) return;
    try {
      const read = await readBytes(new Uint8Array(await f.arrayBuffer()), f.name);
      const before = checkWorkbook(read.grid, { checkDate: props.checkDate, profile: props.profile });
      if (before.status !== 'ok') {
        setSaid({ intent: 'error', text: `上次的文件「${f.name}」不能作为摸排统计表使用：${before.message}` });
        return;
      }
      setProgress({ name: f.name, p: unitProgressOf(before, result, { checkDate: props.checkDate, profile: props.profile, generatedAt: props.generatedAt(), previousName: f.name }) });
    } catch (e) {
      setSaid({ intent: 'error', text: e instanceof InputError ? e.message : `「${f.name}」已损坏或不是 .xlsx 工作簿，无法对比。请在 Excel 或 WPS 中打开并另存为 .xlsx 后重试。` });
    }
  };

  const draft = async () => {
    setBusy(true);
    setSaid(null);
    try {
      const name = `${cleanUnitName(result.unit) || '本单位'}_自查自纠工作报告（草稿）.docx`;
      const r = await saveDraft(host, unitReport(result, { checkDate: props.checkDate, profile: props.profile, progress: progress?.p }), name);
      setSaid(saidOf(r, fill(t.draftMade, { name }), props.en));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label={t.unitReport} style={{ display: 'flex', flexDirection: 'column', gap: 4, margin: '8px 0' }}>
      <Text size={200} weight="semibold">{t.unitReport}</Text>
      <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
        <Button size="small" disabled={busy} onClick={() => picker.current?.click()}>{t.pickUnitPrevious}</Button>
        <Button size="small" disabled={busy} onClick={draft}>{t.unitDraft}</Button>
      </div>
      <input ref={picker} type="file" hidden accept=".xlsx" aria-label={t.unitPrevious} onChange={(e) => void compare(e.target.files?.[0])} />
      {progress && progressLines(progress.p).map((l, i) => <Caption1 key={i} block>{l}</Caption1>)}
      {said && <MessageBar intent={said.intent}><MessageBarBody>{said.text}</MessageBarBody></MessageBar>}
    </section>
  );
}
