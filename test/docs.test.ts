import { readFileSync } from 'fs';
import path from 'path';
import { ruleCatalogue } from '../src/core/catalogue';
import { CROSS_RULES } from '../src/core/cross';
import { RULES } from '../src/core/rules';

describe('the rule catalogue in docs', () => {
  it('is the one generated from the rule modules (run `npm run docs` after changing a rule)', () => {
    expect(readFileSync(path.join(__dirname, '..', 'docs', 'rules.md'), 'utf8')).toBe(ruleCatalogue());
  });

  it('lists every D, P and A rule of rules.md, the L rules of docs/ledger.md, each once, and the X rules of the merge', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(CROSS_RULES.map((r) => r.meta.id)).toEqual(['X01', 'X02', 'X03', 'X04']);
    for (const id of ['X01', 'X02', 'X03', 'X04']) expect(ruleCatalogue()).toContain(`| ${id} |`);
    const expected = [
      ...Array.from({ length: 14 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 15 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 11 }, (_, i) => `A${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 7 }, (_, i) => `L${String(i + 1).padStart(2, '0')}`),
    ];
    expect(ids).toEqual(expected);
  });
});
