import { eachPerson, Rule } from '../rule';

const rule: Rule = {
  meta: {
    id: 'P15',
    category: 'P',
    colour: 'yellow',
    late: true,
    title: { zh: '所在执法主体资格存疑', en: "The person's enforcement body has a red finding" },
    action: { zh: '所在执法主体资格待核实', en: "Verify the body's enforcement status" },
    source: { zh: '通知三.1', en: 'Notice 3.1' },
    messages: {
      body: { zh: '所在执法主体「{agency}」存在资格问题（{rules}），待核实。', en: 'The enforcement body "{agency}" has problems ({rules}).' },
    },
  },
  check(ctx) {
    const redRows = new Map<number, Set<string>>();
    for (const f of ctx.findings) {
      if (f.rule.startsWith('A') && f.colour === 'red') {
        if (!redRows.has(f.row)) redRows.set(f.row, new Set());
        redRows.get(f.row)!.add(f.rule);
      }
    }
    eachPerson(ctx, (p) => {
      const body = p.body;
      const rules = body && redRows.get(body.row);
      if (rules && p.holds) {
        ctx.report({ table: 'person', rec: p, field: 'agency', messageId: 'body', data: { agency: p.agency!, rules: [...rules].join('、') } });
      }
    });
  },
};
export default rule;
