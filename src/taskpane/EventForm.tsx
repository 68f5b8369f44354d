import { Button, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { Day, EventInput, isoFromDay, LEDGER_EVENTS, planEvent, Profile } from '../core';
import type { PaneHost } from '../host/types';
import { Lang, Strings } from './i18n';

type Message = { intent: 'success' | 'error'; lines: string[] };

/**
 * 登记证件事项: the clerk fills one event; the pane reads the workbook, checks the event against the roster
 * with the core (planEvent) and asks the host to write that one row below 证件台账's last, nothing else.
 */
export function EventForm(props: { host: PaneHost; t: Strings; lang: Lang; checkDate: Day; profile: Profile }) {
  const { host, t, lang, checkDate, profile } = props;
  const [input, setInput] = useState<EventInput>({ date: isoFromDay(checkDate), idNumber: '', certNumber: '', event: '发放', handler: '', reference: '' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const set = (k: keyof EventInput) => (_: unknown, d: { value: string }) => setInput({ ...input, [k]: d.value });

  const submit = async () => {
    setBusy(true);
    setMessage(null);
    const read = await host.readGrid();
    if (!read.ok) {
      setMessage({ intent: 'error', lines: [lang === 'en' ? read.en : read.message] });
      setBusy(false);
      return;
    }
    const plan = planEvent(read.grid, input, { checkDate, profile });
    if (!plan.ok) {
      setMessage({ intent: 'error', lines: [t.eventProblems, ...plan.problems.map((p) => (lang === 'en' ? p.en : p.zh))] });
    } else {
      const r = await host.appendRow(plan.sheet, plan.row, plan.cells);
      // the host may add what comes next (the offline page: where the copy with the new row is)
      const said = r.ok ? [lang === 'en' ? plan.said.en : plan.said.zh, lang === 'en' ? r.en : r.message].filter(Boolean) : [lang === 'en' ? r.en : r.message];
      setMessage({ intent: r.ok ? 'success' : 'error', lines: said });
      if (r.ok) setInput({ ...input, idNumber: '', certNumber: '', reference: '' });
    }
    setBusy(false);
  };

  return (
    <section aria-label={t.event} style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}>
      <Text block>{t.eventIntro}</Text>
      <Field label={t.eventDate}><Input type="date" value={input.date} onChange={set('date')} /></Field>
      <Field label={t.eventId} required><Input value={input.idNumber} onChange={set('idNumber')} /></Field>
      <Field label={t.eventCert}><Input value={input.certNumber} onChange={set('certNumber')} /></Field>
      <Field label={t.eventKind}>
        <Dropdown value={input.event} selectedOptions={[input.event]} onOptionSelect={(_, d) => setInput({ ...input, event: d.optionValue ?? input.event })}>
          {LEDGER_EVENTS.map((e) => <Option key={e} value={e}>{e}</Option>)}
        </Dropdown>
      </Field>
      <Field label={t.eventHandler}><Input value={input.handler} onChange={set('handler')} /></Field>
      <Field label={t.eventReference}><Input value={input.reference} onChange={set('reference')} /></Field>
      <div><Button appearance="primary" disabled={busy} onClick={submit}>{t.eventSubmit}</Button></div>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.lines.map((l, i) => <div key={i}>{l}</div>)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
