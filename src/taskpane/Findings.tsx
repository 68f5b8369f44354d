import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Caption1, Text } from '@fluentui/react-components';
import { Finding, groupBy, RULES } from '../core';
import { Lang, Strings } from './i18n';

const TITLE = new Map(RULES.map((r) => [r.meta.id, r.meta.title]));

/** Findings grouped by rule with counts (repeats folded); each opens to its cells, a click goes there. */
export function Findings(props: { findings: Finding[]; lang: Lang; t: Strings; current: number; onGo(index: number): void }) {
  const { findings, t, lang, current, onGo } = props;
  if (findings.length === 0) return <Text>{t.noFindings}</Text>;
  const groups = [...groupBy(findings.map((f, i) => ({ f, i })), (x) => x.f.rule).entries()];
  return (
    <div>
      <div style={{ display: 'flex', gap: 8, margin: '8px 0' }}>
        <Button size="small" onClick={() => onGo((current - 1 + findings.length) % findings.length)}>{t.previous}</Button>
        <Button size="small" onClick={() => onGo((current + 1) % findings.length)}>{t.next}</Button>
        <Caption1 aria-live="polite">{current >= 0 ? `${current + 1} / ${findings.length}` : ''}</Caption1>
      </div>
      <Accordion multiple collapsible aria-label={t.findings}>
        {groups.map(([rule, items]) => (
          <AccordionItem key={rule} value={rule}>
            <AccordionHeader>
              <Badge appearance="tint" color={items[0].f.colour === 'red' ? 'danger' : items[0].f.colour === 'yellow' ? 'warning' : 'informative'}>{rule}</Badge>
              &nbsp;{TITLE.get(rule)?.[lang] ?? rule}&nbsp;<Caption1>{items.length}{t.times}</Caption1>
            </AccordionHeader>
            <AccordionPanel>
              <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {items.map(({ f, i }) => (
                  <li key={i}>
                    <Button
                      appearance={i === current ? 'primary' : 'subtle'}
                      size="small"
                      style={{ textAlign: 'left', justifyContent: 'flex-start', width: '100%' }}
                      onClick={() => onGo(i)}
                      aria-label={`${f.sheet} ${f.cell} ${f.name} ${lang === 'zh' ? f.message : f.messageEn}`}
                    >
                      {f.sheet}!{f.cell} {f.name} — {lang === 'zh' ? f.message : f.messageEn}
                    </Button>
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
