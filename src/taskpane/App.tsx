import {
  Badge, Button, Caption1, Divider, FluentProvider, MessageBar, MessageBarBody, ProgressBar, Tab, TabList, Text, Title3, webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CheckResult, deadlineLine, ReadOptions, timestamp } from '../core';
import { decide } from '../host/decide';
import type { PaneHost, Stage } from '../host/types';
import { demoUnits } from '../sample/demo';
import { templateBook } from '../sample/template';
import { EventForm } from './EventForm';
import { Findings } from './Findings';
import { langOf, strings } from './i18n';
import { Mapping } from './Mapping';
import { MergePanel } from './MergePanel';
import { ReportPanel } from './ReportPanel';
import { Settings } from './Settings';
import { Upcoming } from './Upcoming';
import { usePaneSettings } from './usePaneSettings';

const stamp = () => timestamp(new Date());

/** The task pane: the same in Excel, in WPS and on the offline page; `host` is all it knows of where it runs. */
export function App({ host }: { host: PaneHost }) {
  const lang = langOf(host.displayLanguage);
  const t = strings(host.displayLanguage, host.kind);
  const { profile, setProfile, checkDate, setCheckDate, save } = usePaneSettings(host.settings);
  const say = (r: { message: string; en: string }) => (lang === 'en' ? r.en : r.message);
  const [tab, setTab] = useState<'main' | 'upcoming' | 'event' | 'merge' | 'settings'>('main');
  const [stage, setStage] = useState<Stage | null>(null);
  const [showProgress, setShowProgress] = useState(false);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'info' | 'warning'; text: string } | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  const [mapping, setMapping] = useState<{ name: string; headers: string[] }[] | null>(null);
  const [current, setCurrent] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // a progress bar only when the work takes longer than half a second
  const busy = (s: Stage | null) => {
    setStage(s);
    if (s && !timer.current) timer.current = setTimeout(() => setShowProgress(true), 500);
    if (!s) {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      setShowProgress(false);
    }
  };
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const runValidate = async (read?: ReadOptions, thenSheet?: string) => {
    busy('read');
    setMessage(null);
    setNotices([]);
    const out = await host.check((grid) => decide(grid, { checkDate, profile, read, generatedAt: stamp() }), (s) => busy(s === 'done' ? null : s));
    busy(null);
    if (out.ok) {
      setResult(out.result);
      setNotices(out.notices.map((n) => (lang === 'en' ? n.en : n.zh)));
      setMapping(null);
      setCurrent(-1);
      // ours may be named 汇总（校验） beside a clerk's 汇总
      if (thenSheet) await host.goTo(out.sheets?.find((n) => n === thenSheet || n.startsWith(`${thenSheet}（`)) ?? thenSheet, 'A1');
    } else {
      setResult(null);
      setMessage({ intent: 'error', text: say(out) });
      setMapping(out.sheets?.length ? out.sheets : null);
    }
  };

  const go = async (i: number) => {
    if (!result) return;
    const f = result.findings[i];
    setCurrent(i);
    const r = await host.goTo(f.sheet, f.cell);
    if (!r.ok) setMessage({ intent: 'error', text: say(r) });
  };

  // one line when the check runs close to or after a deadline of the notice (6月5日, 7月25日)
  const deadline = useMemo(() => deadlineLine(checkDate, profile), [checkDate, profile]);
  const count = (c: string) => result?.people.filter((p) => p.colour === c).length ?? 0;
  const errors = result?.findings.filter((f) => f.level === 'error').length ?? 0;

  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 12, minHeight: '100vh', boxSizing: 'border-box' }} lang={lang === 'zh' ? 'zh-CN' : 'en-US'}>
      <header>
        <Title3 as="h1">{t.title}</Title3>
        <div><Caption1>{t.mode}：{host.describe[lang]}</Caption1></div>
      </header>
      <TabList size="small" style={{ flexWrap: 'wrap' }} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as 'main' | 'upcoming' | 'event' | 'merge' | 'settings')} aria-label={t.title}>
        <Tab value="main">{t.findings}</Tab>
        <Tab value="upcoming">{t.upcoming}</Tab>
        <Tab value="event">{t.event}</Tab>
        <Tab value="merge">{t.merge}</Tab>
        <Tab value="settings">{t.settings}</Tab>
      </TabList>
      <Divider />
      {tab === 'upcoming' ? (
        <Upcoming host={host} t={t} lang={lang} checkDate={checkDate} profile={profile} />
      ) : tab === 'event' ? (
        <EventForm host={host} t={t} lang={lang} checkDate={checkDate} profile={profile} />
      ) : tab === 'merge' ? (
        <MergePanel host={host} t={t} checkDate={checkDate} profile={profile} generatedAt={() => stamp()} en={lang === "en"} />
      ) : tab === 'settings' ? (
        <Settings profile={profile} checkDate={checkDate} lang={lang} t={t} onChange={setProfile} onDate={setCheckDate}
          onSave={async () => {
            // Excel's Settings.saveAsync fails on a read-only or shared workbook; the settings still apply to this session
            setMessage(await save() ? { intent: 'success', text: t.settingsSaved } : { intent: 'warning', text: t.settingsNotSaved });
            setTab('main');
          }} />
      ) : (
        <main style={{ display: 'flex', flexDirection: 'column', gap: 10, marginTop: 8 }}>
          {deadline && (
            <MessageBar intent="info" aria-label={t.deadline}><MessageBarBody>{lang === 'en' ? deadline.en : deadline.zh}</MessageBarBody></MessageBar>
          )}
          {!result && !mapping && (
            <section aria-label={t.intro1}>
              <Text block>{t.intro1}</Text>
              <Text block>{t.intro2}</Text>
              {/* the offline page never changes the clerk's workbook: nothing to insert into */}
              {host.kind !== 'web' && <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
                <Button onClick={async () => {
                  const r = await host.insertSheets(templateBook().sheets);
                  setMessage(r.ok ? { intent: 'success', text: t.templateInserted } : { intent: 'error', text: say(r) });
                }}>{t.insertTemplate}</Button>
                <Button onClick={async () => {
                  const unit = demoUnits(checkDate)[0];
                  const r = await host.insertSheets(unit.book.sheets);
                  setMessage(r.ok ? { intent: 'success', text: t.sampleOpened } : { intent: 'error', text: say(r) });
                }}>{t.openSample}</Button>
              </div>}
            </section>
          )}
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button appearance="primary" disabled={!!stage} onClick={() => runValidate()}>{t.validate}</Button>
            <Button disabled={!!stage} onClick={async () => {
              busy('write');
              const r = await host.clear();
              busy(null);
              setResult(null);
              setNotices([]);
              // "恢复原样" only when nothing is left: otherwise the message says what remains and why
              setMessage({ intent: !r.ok ? 'error' : r.complete ? 'success' : 'warning', text: say(r) });
            }}>{t.clear}</Button>
            <Button disabled={!!stage} onClick={() => runValidate(undefined, '汇总')}>{t.summary}</Button>
          </div>
          {showProgress && stage && <ProgressBar aria-label={t[`stage_${stage}`]} />}
          {showProgress && stage && <Caption1 aria-live="polite">{t[`stage_${stage}`]}</Caption1>}
          {message && (
            <MessageBar intent={message.intent}>
              <MessageBarBody>{message.intent === 'error' ? `${t.failed}：` : ''}{message.text}</MessageBarBody>
            </MessageBar>
          )}
          {notices.map((n, i) => (
            <MessageBar key={i} intent="warning"><MessageBarBody>{n}</MessageBarBody></MessageBar>
          ))}
          {mapping && <Mapping sheets={mapping} t={t} onRetry={(read) => runValidate(read)} />}
          {result && (
            <section aria-label={t.findings}>
              <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }} aria-live="polite">
                <Badge color="danger" appearance="filled">{t.red} {count('red')}</Badge>
                <Badge color="warning" appearance="filled">{t.yellow} {count('yellow')}</Badge>
                <Badge color="success" appearance="filled">{t.green} {count('green')}</Badge>
                <Badge color="informative" appearance="outline">{t.errors} {errors}</Badge>
                <Caption1>{t.people} {result.people.length} · {t.holders} {result.people.filter((p) => p.holds).length}</Caption1>
              </div>
              {/* the report's buttons above the list, which can be long */}
              <ReportPanel host={host} t={t} result={result} checkDate={checkDate} profile={profile} generatedAt={stamp} en={lang === 'en'} />
              <Findings findings={result.findings} lang={lang} t={t} current={current} onGo={go} />
            </section>
          )}
        </main>
      )}
    </FluentProvider>
  );
}
