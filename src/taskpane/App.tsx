import {
  Badge, Button, Caption1, Divider, FluentProvider, MessageBar, MessageBarBody, ProgressBar, Tab, TabList, Text, Title3, webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CheckResult, dayFromIso, DEFAULT_PROFILE, isoFromDay, parseProfile, Profile, ReadOptions, timestamp, todayLocal } from '../core';
import { insertSheets } from '../office/insert';
import { capabilities, MODE_TEXT } from '../office/mode';
import { clearMarks, goTo, Stage, validate } from '../office/validate';
import { demoUnits } from '../sample/demo';
import { templateBook } from '../sample/template';
import { Findings } from './Findings';
import { Host } from './host';
import { langOf, strings } from './i18n';
import { Mapping } from './Mapping';
import { MergePanel } from './MergePanel';
import { Settings } from './Settings';
import { Upcoming } from './Upcoming';

const PROFILE_KEY = 'certSweep.profile';

function loadProfile(host: Host): Profile {
  const saved = host.settings.get(PROFILE_KEY);
  if (typeof saved !== 'string') return DEFAULT_PROFILE;
  const r = parseProfile(saved);
  return 'profile' in r ? r.profile : DEFAULT_PROFILE;
}

const stamp = () => timestamp(new Date());

export function App({ host }: { host: Host }) {
  const lang = langOf(host.displayLanguage);
  const t = strings(host.displayLanguage);
  const caps = useMemo(() => capabilities(host.requirements, host.library), [host]);
  const say = (r: { message: string; en: string }) => (lang === 'en' ? r.en : r.message);
  const [tab, setTab] = useState<'main' | 'upcoming' | 'merge' | 'settings'>('main');
  const [stage, setStage] = useState<Stage | null>(null);
  const [showProgress, setShowProgress] = useState(false);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'info' | 'warning'; text: string } | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  const [mapping, setMapping] = useState<{ name: string; headers: string[] }[] | null>(null);
  const [current, setCurrent] = useState(-1);
  const [profile, setProfile] = useState<Profile>(() => loadProfile(host));
  const [checkDate, setCheckDate] = useState(isoFromDay(todayLocal()));
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
    const out = await validate(host.run, caps, {
      checkDate: dayFromIso(checkDate) ?? todayLocal(), profile, read, generatedAt: stamp(), onStage: (s) => busy(s === 'done' ? null : s),
    });
    busy(null);
    if (out.ok) {
      setResult(out.result);
      setNotices(out.notices.map((n) => (lang === 'en' ? n.en : n.zh)));
      setMapping(null);
      setCurrent(-1);
      if (thenSheet) await goTo(host.run, thenSheet, 'A1');
    } else {
      setResult(null);
      setMessage({ intent: 'error', text: say(out) });
      setMapping(out.sheets ?? null);
    }
  };

  const go = async (i: number) => {
    if (!result) return;
    const f = result.findings[i];
    setCurrent(i);
    const r = await goTo(host.run, f.sheet, f.cell);
    if (!r.ok) setMessage({ intent: 'error', text: say(r) });
  };

  const count = (c: string) => result?.people.filter((p) => p.colour === c).length ?? 0;
  const errors = result?.findings.filter((f) => f.level === 'error').length ?? 0;

  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 12, minHeight: '100vh', boxSizing: 'border-box' }} lang={lang === 'zh' ? 'zh-CN' : 'en-US'}>
      <header>
        <Title3 as="h1">{t.title}</Title3>
        <div><Caption1>{t.mode}：{MODE_TEXT[caps.mode][lang]}（ExcelApi {caps.version}）</Caption1></div>
      </header>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as 'main' | 'upcoming' | 'merge' | 'settings')} aria-label={t.title}>
        <Tab value="main">{t.findings}</Tab>
        <Tab value="upcoming">{t.upcoming}</Tab>
        <Tab value="merge">{t.merge}</Tab>
        <Tab value="settings">{t.settings}</Tab>
      </TabList>
      <Divider />
      {tab === 'upcoming' ? (
        <Upcoming host={host} caps={caps} t={t} lang={lang} checkDate={dayFromIso(checkDate) ?? todayLocal()} profile={profile} />
      ) : tab === 'merge' ? (
        <MergePanel host={host} caps={caps} t={t} checkDate={dayFromIso(checkDate) ?? todayLocal()} profile={profile} generatedAt={() => stamp()} />
      ) : tab === 'settings' ? (
        <Settings profile={profile} checkDate={checkDate} lang={lang} t={t} onChange={setProfile} onDate={setCheckDate}
          onSave={async () => {
            host.settings.set(PROFILE_KEY, JSON.stringify(profile));
            try {
              await host.settings.save();
              setMessage({ intent: 'success', text: t.settingsSaved });
            } catch {
              // Settings.saveAsync fails on a read-only or shared workbook; the settings still apply to this session
              setMessage({ intent: 'warning', text: t.settingsNotSaved });
            }
            setTab('main');
          }} />
      ) : (
        <main style={{ display: 'flex', flexDirection: 'column', gap: 10, marginTop: 8 }}>
          {!result && !mapping && (
            <section aria-label={t.intro1}>
              <Text block>{t.intro1}</Text>
              <Text block>{t.intro2}</Text>
              <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
                <Button onClick={async () => {
                  const r = await insertSheets(host.run, caps, templateBook().sheets);
                  setMessage(r.ok ? { intent: 'success', text: t.templateInserted } : { intent: 'error', text: say(r) });
                }}>{t.insertTemplate}</Button>
                <Button onClick={async () => {
                  const unit = demoUnits(dayFromIso(checkDate) ?? todayLocal())[0];
                  const r = await insertSheets(host.run, caps, unit.book.sheets);
                  setMessage(r.ok ? { intent: 'success', text: t.sampleOpened } : { intent: 'error', text: say(r) });
                }}>{t.openSample}</Button>
              </div>
            </section>
          )}
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button appearance="primary" disabled={!!stage} onClick={() => runValidate()}>{t.validate}</Button>
            <Button disabled={!!stage} onClick={async () => {
              busy('write');
              const r = await clearMarks(host.run, caps);
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
              <Findings findings={result.findings} lang={lang} t={t} current={current} onGo={go} />
            </section>
          )}
        </main>
      )}
    </FluentProvider>
  );
}
