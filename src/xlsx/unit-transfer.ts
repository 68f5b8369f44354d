import { UnitCheck } from './unit-check';

/**
 * A unit's check as a worker posts it: the texts that repeat down its people and findings (sheet, unit,
 * 执法主体, rule, level, action…) go once into a table and the objects carry their index. Structured clone
 * copies every string it meets, so a county's 300,000 people would otherwise arrive as 900,000 copies of a
 * few thousand texts, to be cloned, made again on the main thread and collected.
 */
const PERSON_TEXTS = ['sheet', 'unit', 'agency'] as const;
const FINDING_TEXTS = ['rule', 'messageId', 'level', 'table', 'sheet', 'column', 'action', 'actionEn'] as const;

type Loose = Record<string, unknown>;
export type Packed = UnitCheck & { texts?: string[] };

/** In place: each repeated text replaced by its index in `texts`. */
export function packCheck(f: UnitCheck): Packed {
  const r = f.result;
  if (!r) return f;
  const index = new Map<string, number>();
  const texts: string[] = [];
  const of = (s: string) => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = texts.push(s) - 1));
    return i;
  };
  for (const p of r.people as unknown as Loose[]) for (const k of PERSON_TEXTS) p[k] = of(p[k] as string);
  for (const x of r.findings as unknown as Loose[]) for (const k of FINDING_TEXTS) x[k] = of(x[k] as string);
  return Object.assign(f, { texts });
}

/** In place: the texts back, each one string shared by every object that had it. */
export function unpackCheck(f: Packed): UnitCheck {
  const texts = f.texts;
  if (!texts || !f.result) return f;
  for (const p of f.result.people as unknown as Loose[]) for (const k of PERSON_TEXTS) p[k] = texts[p[k] as number];
  for (const x of f.result.findings as unknown as Loose[]) for (const k of FINDING_TEXTS) x[k] = texts[x[k] as number];
  delete f.texts;
  return f;
}
