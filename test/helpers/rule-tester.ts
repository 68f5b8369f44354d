import { RULES } from '../../src/core/rules';
import { check, Row, body } from './grid';

/**
 * ESLint's RuleTester, for workbooks: each valid case yields no finding of the rule; each invalid case
 * yields exactly the listed findings (message id, sheet row, and column when given).
 */
export interface Case {
  name: string;
  people?: Row[];
  agencies?: Row[] | null;
}
export interface InvalidCase extends Case {
  errors: { messageId: string; row: number; column?: string; colour?: 'red' | 'yellow' | null; level?: string }[];
}

export function ruleTester(id: string, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  const rule = RULES.find((r) => r.meta.id === id);
  describe(`${id} ${rule?.meta.title.zh}`, () => {
    it('is a registered rule with zh and en texts', () => {
      expect(rule).toBeDefined();
      for (const m of Object.values(rule!.meta.messages)) {
        expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(m.en).toMatch(/[a-z]/);
      }
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const r = check(c.people ?? [], c.agencies === undefined ? [body()] : c.agencies);
        expect(r.findings.filter((f) => f.rule === id).map((f) => `${f.cell} ${f.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const r = check(c.people ?? [], c.agencies === undefined ? [body()] : c.agencies);
        const got = r.findings.filter((f) => f.rule === id);
        const actual = got.map((f, i) => ({
          messageId: f.messageId, row: f.row,
          ...(c.errors[i]?.column !== undefined ? { column: f.column } : {}),
          ...(c.errors[i]?.colour !== undefined ? { colour: f.colour } : {}),
          ...(c.errors[i]?.level !== undefined ? { level: f.level } : {}),
        }));
        expect(actual).toEqual(c.errors);
        for (const f of got) expect(f.message).not.toMatch(/\{\w+\}/);
      });
    }
  });
}
