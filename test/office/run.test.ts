import { officeSaid } from '../../src/office/errors';
import { capabilities } from '../../src/office/mode';
import { officeCapabilities, officeRun } from '../../src/office/run';

/** The real Excel.run and office.js as the add-in meets them, stubbed as globals. */
describe('Office itself', () => {
  const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
  afterEach(() => {
    delete g.Excel;
    delete g.Office;
  });

  it('every batch waits while the clerk is typing in a cell (RunOptions.delayForCellEdit)', async () => {
    const seen: unknown[] = [];
    g.Excel = { run: async (options: unknown, batch: (ctx: unknown) => Promise<unknown>) => (seen.push(options), batch({})) };
    await officeRun(async () => 1);
    expect(seen).toEqual([{ delayForCellEdit: true }]);
  });

  it('a capability is off when the loaded office.js lacks its class, whatever Excel reports', () => {
    g.Office = { context: { requirements: { isSetSupported: () => true } } };
    g.Excel = { RangeAreas: function RangeAreas() {}, ConditionalFormatCollection: function C() {}, CommentCollection: function C() {} };
    const caps = officeCapabilities();
    expect({ notes: caps.notes, comments: caps.comments, full: caps.full }).toEqual({ notes: false, comments: true, full: true });
  });

  it('versions compare as numbers: 1.10 is above 1.9', () => {
    const req = (v: number) => ({ isSetSupported: (_: string, s?: string) => Number(s!.split('.')[1]) <= v });
    expect(capabilities(req(10)).comments).toBe(true);
    expect(capabilities(req(9)).comments).toBe(false);
    expect(capabilities(req(10)).version).toBe('1.10');
  });

  it('an API this Excel lacks is reported as such, with no promise of a switch that does not happen', () => {
    const said = officeSaid({ code: 'ApiNotFound' });
    expect(said.zh).toContain('更新');
    expect(said.zh).not.toContain('自动改用');
    expect(said.en).toContain('Update Office');
  });
});
