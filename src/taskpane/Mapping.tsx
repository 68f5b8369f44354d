import { Button, Dropdown, Field, Option, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { PERSON_FIELDS, ReadOptions } from '../core';
import { Strings } from './i18n';

/** When the reader cannot tell: the clerk picks the sheet and maps unknown headers to fields. */
export function Mapping(props: { sheets: { name: string; headers: string[] }[]; t: Strings; onRetry(read: ReadOptions): void }) {
  const { sheets, t } = props;
  const [sheet, setSheet] = useState(sheets[0]?.name ?? '');
  const [map, setMap] = useState<Record<string, string>>({});
  const headers = sheets.find((s) => s.name === sheet)?.headers ?? [];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Field label={t.pickSheet}>
        <Dropdown value={sheet} selectedOptions={[sheet]} onOptionSelect={(_, d) => setSheet(d.optionValue ?? '')}>
          {sheets.map((s) => <Option key={s.name} value={s.name}>{s.name}</Option>)}
        </Dropdown>
      </Field>
      <Text>{t.mapHeader}</Text>
      {headers.map((h) => (
        <Field key={h} label={h}>
          <Dropdown value={PERSON_FIELDS.find((f) => f.key === map[h])?.header ?? t.mapNone} selectedOptions={[map[h] ?? '']}
            onOptionSelect={(_, d) => setMap({ ...map, [h]: d.optionValue ?? '' })}>
            <Option value="">{t.mapNone}</Option>
            {PERSON_FIELDS.map((f) => <Option key={f.key} value={f.key}>{f.header}</Option>)}
          </Dropdown>
        </Field>
      ))}
      <Button appearance="primary" onClick={() => props.onRetry({ sheet: { person: sheet }, mapping: { person: Object.fromEntries(Object.entries(map).filter(([, v]) => v)) } })}>
        {t.retry}
      </Button>
    </div>
  );
}
