import { Badge, Button, Caption1, Dropdown, Field, MessageBar, MessageBarBody, Option, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Day, fill, isoFromDay, Profile, upcoming, Upcoming as Result, upcomingLine } from '../core';
import type { PaneHost } from '../host/types';
import { Lang, Strings } from './i18n';

const DAYS = [30, 60, 90, 180, 365];
const BADGE = { red: 'danger', yellow: 'warning', green: 'success', none: 'informative' } as const;

/**
 * 到期提醒: reads the open workbook as 校验 does and lists, with the command line's `upcoming` (the same core
 * function and the same words), what turns 黄 or 红 within the chosen days. It writes nothing to the workbook.
 */
export function Upcoming(props: { host: PaneHost; t: Strings; lang: Lang; checkDate: Day; profile: Profile }) {
  const { host, t, lang, checkDate, profile } = props;
  const [days, setDays] = useState(90);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (n: number) => {
    setBusy(true);
    setError(null);
    const read = await host.readGrid();
    if (read.ok) {
      const r = upcoming(read.grid, { checkDate, profile, days: n });
      if (r.today.status !== 'ok') setError(r.today.message);
      setResult(r.today.status === 'ok' ? r : null);
    } else {
      setError(lang === 'en' ? read.en : read.message);
      setResult(null);
    }
    setBusy(false);
  };
  // again whenever the days, the check date or the rules change
  useEffect(() => void load(days), [days, checkDate, profile]);

  const people = result?.items.filter((i) => i.table === 'person').length ?? 0;
  const head = result && fill(result.items.length ? t.upcomingHead : t.upcomingNone, {
    date: isoFromDay(result.checkDate), days: result.days, until: isoFromDay(result.checkDate + result.days), people, bodies: result.items.length - people,
  });
  return (
    <section aria-label={t.upcoming} style={{ display: 'flex', flexDirection: 'column', gap: 10, marginTop: 8 }}>
      <Text block>{t.upcomingIntro}</Text>
      <div style={{ display: 'flex', gap: 8, alignItems: 'end' }}>
        <Field label={t.upcomingDays}>
          <Dropdown value={fill(t.daysN, { n: days })} selectedOptions={[String(days)]} style={{ minWidth: 100 }}
            onOptionSelect={(_, d) => setDays(Number(d.optionValue))}>
            {DAYS.map((n) => <Option key={n} value={String(n)}>{fill(t.daysN, { n })}</Option>)}
          </Dropdown>
        </Field>
        <Button disabled={busy} onClick={() => load(days)}>{t.upcomingRun}</Button>
      </div>
      {busy && <Spinner size="tiny" label={t.upcomingWorking} />}
      {error && <MessageBar intent="error"><MessageBarBody>{t.failed}：{error}</MessageBarBody></MessageBar>}
      {!busy && head && <Caption1 aria-live="polite">{head}</Caption1>}
      {!busy && result && result.items.length > 0 && (
        <ul aria-label={t.upcomingList} style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 6 }}>
          {result.items.map((item) => {
            const l = upcomingLine(item, lang);
            const first = item.changes[0];
            // the text reads as the command line's line (the parts joined by two spaces); a click shows the cell that changes
            return (
              <li key={`${item.table}${item.sheet}${item.row}`}>
                <Button appearance="transparent" style={{ display: 'block', textAlign: 'left', fontWeight: 'normal', padding: 0, minWidth: 0 }}
                  onClick={async () => {
                    const r = await host.goTo(item.sheet, first.findings[0]?.cell ?? `A${item.row}`);
                    if (!r.ok) setError(lang === 'en' ? r.en : r.message);
                  }}>
                  <Text weight="semibold">{l.date}</Text>{'  '}<Text>{l.who}</Text>{'  '}<Caption1>{l.where}</Caption1>{'  '}
                  <Badge appearance="tint" color={BADGE[first.to]}>{l.colours}</Badge>{'  '}<Text>{l.reason}{l.later}</Text>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
