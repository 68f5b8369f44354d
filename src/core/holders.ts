import { holdsCertificate, Rec } from './record';
import { compact } from './text';
import { RuleContext } from './rule';

/** Certificate holders (applications included, as 超编申领 counts) per normalised 执法主体 name. */
export function holdersByAgency(people: Rec[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of people) {
    const agency = p.str('agency');
    const name = agency === undefined ? undefined : compact(agency);
    if (name && holdsCertificate(p)) m.set(name, (m.get(name) ?? 0) + 1);
  }
  return m;
}

/** A10/A11: holders of a body above one of its limits. */
export function reportOverLimit(ctx: RuleContext, field: 'establishment' | 'enforcementPosts'): void {
  for (const a of ctx.agencies) {
    const limit = a.num(field);
    const n = ctx.holders.get(compact(a.label)) ?? 0;
    if (limit !== undefined && n > limit) {
      ctx.report({ table: 'agency', rec: a, field, messageId: 'over', data: { holders: n, limit, excess: n - limit } });
    }
  }
}
