import { dayFromIso, DEFAULT_CAMPAIGN, deliveries, InboxFile, Submission } from '../src/core';

/** 报送情况's deliverables, from the inbox and the merge's 报送情况 (core/deliverables.ts). */
const day = (iso: string) => dayFromIso(iso)!;
const units = ['乾佑街道办事处', '下梁镇'];

describe('deliveries', () => {
  it('counts a roster the merge gave to a unit, whatever its name: an unreadable 下梁镇.csv was sent, on time', () => {
    const files: InboxFile[] = [
      { file: '/in/下梁镇.csv', received: day('2024-06-04') },
      { file: '/in/下梁镇培训计划.docx', received: day('2024-06-06') },
      { file: '/in/乾佑.xlsx', received: day('2024-06-05'), unit: '乾佑街道办事处', roster: true },
    ];
    const subs: Submission[] = [
      { unit: '乾佑街道办事处', status: '合格', files: ['/in/乾佑.xlsx'] },
      { unit: '下梁镇', status: '已报送（格式不符）', files: ['/in/下梁镇.csv'] },
    ];
    const d = deliveries(files, units, DEFAULT_CAMPAIGN, subs);
    const row = (u: string) => d.rows.find((r) => r.unit === u)!;
    expect(row('下梁镇').items.roster).toEqual({ status: '按时', received: day('2024-06-04'), files: ['/in/下梁镇.csv'] });
    expect(row('下梁镇').items.plan).toMatchObject({ status: '逾期', files: ['/in/下梁镇培训计划.docx'] });
    expect(row('下梁镇').check).toBe('已报送（格式不符）');
    expect(row('乾佑街道办事处').items.roster.status).toBe('按时');
    expect(d.unplaced).toEqual([]);
  });

  it('leaves out a file that is neither a deliverable by name nor a roster the merge placed', () => {
    const d = deliveries([{ file: '/in/下梁镇.csv', received: day('2024-06-04') }], units, DEFAULT_CAMPAIGN, []);
    expect(d.rows.find((r) => r.unit === '下梁镇')!.items.roster.status).toBe('未报');
  });
});
