import { Person } from './record';
import { RuleContext } from './rule';

/** Certificate holders (applications included, as 超编申领 counts) per normalised 执法主体 name. */
export function holdersByAgency(people: Person[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    const name = p.agencyKey;
    if (name && p.holds) m.set(name, (m.get(name) ?? 0) + 1);
  }
  return m;
}

/** A10/A11: holders of a body above one of its limits. */
export function reportOverLimit(ctx: RuleContext, field: 'establishment' | 'enforcementPosts'): void {
  for (const a of ctx.agencies) {
    const limit = a.num(field);
    const n = ctx.holders.get(a.nameKey) ?? 0;
    if (limit !== undefined && n > limit) {
      ctx.report({ table: 'agency', rec: a, field, messageId: 'over', data: { holders: n, limit, excess: n - limit } });
    }
  }
}
