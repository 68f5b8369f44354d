import { Day, dayFromYmd, ymdFromDay } from './dates';
import { LedgerEvent, Person, TrainingRow } from './record';
import { compact } from './text';

/** Who a row is about: the ID number, or the name where the ID number is missing or unreadable. */
export function whoKey(idNumber: string | undefined, name: string | undefined): string | undefined {
  if (idNumber) return idNumber;
  return name ? 'name:' + compact(name) : undefined;
}

/** A person's hours from 培训记录 in one year. */
export interface Hours {
  /** hours that count: every category but the excluded ones */
  counted: number;
  /** hours of excluded categories (民法, 刑事法 … by default, notice 三.4) */
  excluded: number;
  /** the excluded categories met, each once */
  excludedCategories: string[];
}

/** Event order within one day: the order of the rows. */
const byDate = (a: LedgerEvent, b: LedgerEvent) => a.date! - b.date! || a.index - b.index;

/**
 * The ledger and the training records grouped by person, once per check: a map from each person's key to their
 * rows, built in one pass over each sheet. Events without a readable date are left out of each person's story
 * (D01/D05 report them).
 */
export class Records {
  private readonly events = new Map<string, LedgerEvent[]>();
  private readonly courses = new Map<string, TrainingRow[]>();
  private readonly people = new Map<string, Person>();
  private readonly hours = new Map<Person, Hours | null>();
  readonly yearStart: Day;
  readonly yearEnd: Day;
  readonly year: number;

  constructor(people: Person[], ledger: LedgerEvent[], training: TrainingRow[], checkDate: Day, private readonly excludedSet: ReadonlySet<string>) {
    for (let i = 0; i < people.length; i++) {
      const k = whoKey(people[i].idNumber, people[i].name);
      if (k !== undefined && !this.people.has(k)) this.people.set(k, people[i]);
    }
    for (let i = 0; i < ledger.length; i++) {
      const e = ledger[i];
      const k = whoKey(e.idNumber, e.name);
      if (k === undefined || e.date === undefined) continue;
      const list = this.events.get(k);
      if (list) list.push(e);
      else this.events.set(k, [e]);
    }
    for (const list of this.events.values()) if (list.length > 1) list.sort(byDate);
    for (let i = 0; i < training.length; i++) {
      const t = training[i];
      const k = whoKey(t.idNumber, t.name);
      if (k === undefined) continue;
      const list = this.courses.get(k);
      if (list) list.push(t);
      else this.courses.set(k, [t]);
    }
    this.year = ymdFromDay(checkDate)[0];
    this.yearStart = dayFromYmd(this.year, 1, 1)!;
    this.yearEnd = dayFromYmd(this.year, 12, 31)!;
  }

  /** the categories whose hours do not count (P10's option) */
  get excludedCategories(): ReadonlySet<string> {
    return this.excludedSet;
  }

  /** the person of 执法人员 a key names (the first row, if two share it) */
  personOf(key: string | undefined): Person | undefined {
    return key === undefined ? undefined : this.people.get(key);
  }

  /** the dated events of the person, in date order */
  eventsOf(p: Person): LedgerEvent[] {
    const k = whoKey(p.idNumber, p.name);
    return (k !== undefined && this.events.get(k)) || [];
  }

  /** every key with events, and its events in date order */
  eventsByPerson(): IterableIterator<[string, LedgerEvent[]]> {
    return this.events.entries();
  }

  /** the training rows of the person, in sheet order */
  trainingOf(p: Person): TrainingRow[] {
    const k = whoKey(p.idNumber, p.name);
    return (k !== undefined && this.courses.get(k)) || [];
  }

  /** whether a course counts towards the hours (its category is not excluded; an unread category does not count) */
  counts(t: TrainingRow): boolean {
    const c = t.category;
    return c !== undefined && !this.excludedSet.has(c);
  }

  /**
   * The person's hours in the check's year from 培训记录, or null when no row of that year names them (then the
   * typed 年度培训学时 stands). Worked out once per person.
   */
  annualHours(p: Person): Hours | null {
    let h = this.hours.get(p);
    if (h !== undefined) return h;
    h = null;
    for (const t of this.trainingOf(p)) {
      const d = t.date;
      if (d === undefined || d < this.yearStart || d > this.yearEnd) continue;
      h ??= { counted: 0, excluded: 0, excludedCategories: [] };
      const n = t.hours ?? 0;
      if (n <= 0) continue;
      if (this.counts(t)) h.counted += n;
      else {
        h.excluded += n;
        const c = t.category ?? '未填类别';
        if (!h.excludedCategories.includes(c)) h.excludedCategories.push(c);
      }
    }
    this.hours.set(p, h);
    return h;
  }
}

/** Hours as the clerk would write them: 12, 12.5 (no float noise). */
export function hoursText(n: number): string {
  return String(Math.round(n * 100) / 100);
}
