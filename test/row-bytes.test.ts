import fc from 'fast-check';
import { OutCell, OutSheet } from '../src/core';
import { rowWriter } from '../src/xlsx/ooxml/outsheet';
import { SharedStrings } from '../src/xlsx/ooxml/shared-strings';
import { Styles } from '../src/xlsx/ooxml/styles';
import { Utf8Sink } from '../src/xlsx/ooxml/utf8-sink';

const sheet = (rows: OutCell[][]): OutSheet => ({
  name: 's', headerRow: 1, freezeRows: 1, landscape: true, merges: [], widths: [6, 10, 20], rows, repeated: [1, 3],
});
const styles: OutCell['style'][] = [undefined, 'cell', 'wrap', 'number', 'red', 'header'];
const texts = ['', ' ', '人员1', ' 前后 ', 'a  b', '一\n二', 'A&B<"c">', 'x\u0001y', '\uD83D\uDE00', '\uD800', 'é', '很长的说明'.repeat(20)];

describe('a sheet\'s rows written as bytes', () => {
  it('are the UTF-8 of the rows as text, with the same styles and shared texts', () => {
    const cell = fc.record({
      v: fc.oneof(fc.constantFrom<string | number | null>(...texts, null, 0, 7, -3, 1.5, 123456789012, 1e21), fc.string(), fc.integer()),
      style: fc.constantFrom(...styles),
      link: fc.option(fc.constantFrom('明细!A1', "'表'!B2"), { nil: undefined }),
    }, { requiredKeys: ['v'] }) as fc.Arbitrary<OutCell>;
    const row = fc.array(fc.option(cell, { nil: undefined as unknown as OutCell }), { maxLength: 6 });
    fc.assert(fc.property(fc.array(row, { maxLength: 8 }), fc.integer({ min: 1, max: 100000 }), (rows, r) => {
      const a = { styles: new Styles(null), shared: new SharedStrings() };
      const b = { styles: new Styles(null), shared: new SharedStrings() };
      const text = [...rowWriter(sheet(rows), a.styles, a.shared).rows(rows, r)].join('');
      const bytes = rowWriter(sheet(rows), b.styles, b.shared).bytes(rows, r);
      expect(Buffer.from(bytes).equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(b.shared.xml()).toBe(a.shared.xml());
      expect(b.styles.xml()).toBe(a.styles.xml());
    }), { numRuns: 300 });
  });

  it('encode any text as Buffer does, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)) }), (s, t) => {
      const sink = new Utf8Sink();
      sink.text(s);
      sink.num(12);
      sink.text(t);
      expect(Buffer.from(sink.take()).equals(Buffer.from(`${s}12${t}`, 'utf8'))).toBe(true);
    }));
  });
});
