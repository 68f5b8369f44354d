import { Button, Dropdown, Field, Input, Option, Switch } from '@fluentui/react-components';
import { Day, dayFromIso, isoFromDay, Profile, RULES } from '../core';
import { Lang, Strings } from './i18n';

type NumberParam = 'annualTrainingHours' | 'transferTrainingHours' | 'expiryWarningDays' | 'entrustmentWarningDays';
const PARAMS: NumberParam[] = ['annualTrainingHours', 'transferTrainingHours', 'expiryWarningDays', 'entrustmentWarningDays'];

/** The rule profile: check date, thresholds, each rule's colour and on/off; saved in the workbook. */
export function Settings(props: {
  profile: Profile; checkDate: Day; lang: Lang; t: Strings;
  onChange(p: Profile): void; onDate(d: Day): void; onSave(): void;
}) {
  const { profile, t, lang, onChange } = props;
  const colourText = { red: t.red, yellow: t.yellow, none: t.colourNone };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Field label={t.checkDate}>
        {/* the one place the date is text: a half-typed or cleared date keeps the last whole one */}
        <Input type="date" value={isoFromDay(props.checkDate)} onChange={(_, d) => { const day = dayFromIso(d.value); if (day !== null) props.onDate(day); }} />
      </Field>
      {PARAMS.map((k) => (
        <Field key={k} label={t[k]}>
          <Input type="number" value={String(profile.params[k])} min={0}
            onChange={(_, d) => Number.isFinite(Number(d.value)) && onChange({ ...profile, params: { ...profile.params, [k]: Number(d.value) } })} />
        </Field>
      ))}
      {RULES.filter((r) => r.meta.colour).map((r) => {
        const s = profile.rules[r.meta.id] ?? {};
        return (
          <div key={r.meta.id} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
            <Switch checked={s.enabled !== false} label={`${r.meta.id} ${r.meta.title[lang]}`}
              onChange={(_, d) => onChange({ ...profile, rules: { ...profile.rules, [r.meta.id]: { ...s, enabled: d.checked } } })} />
            <Dropdown aria-label={`${r.meta.id} ${t.colour}`} style={{ minWidth: 80 }} value={colourText[s.colour ?? r.meta.colour!]}
              selectedOptions={[s.colour ?? r.meta.colour!]}
              onOptionSelect={(_, d) => onChange({ ...profile, rules: { ...profile.rules, [r.meta.id]: { ...s, colour: d.optionValue as 'red' | 'yellow' | 'none' } } })}>
              {(['red', 'yellow', 'none'] as const).map((c) => <Option key={c} value={c}>{colourText[c]}</Option>)}
            </Dropdown>
          </div>
        );
      })}
      <Button appearance="primary" onClick={props.onSave}>{t.saveSettings}</Button>
    </div>
  );
}
