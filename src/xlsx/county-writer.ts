import { CrossFinding, detailRows, detailSheet, FileCheck, findingsRows, findingsSheet, OutCell } from '../core';
import { BookOptions, PackSheet } from './ooxml/new-book';
import { rowWriter, RowWriter } from './ooxml/outsheet';
import { SharedStrings } from './ooxml/shared-strings';
import { Styles } from './ooxml/styles';
import { NEW_BOOK_LEVEL } from './pack-stream';
import { AppendedPart, SegmentedPart } from './segmented-part';

/**
 * The county workbook's long sheets, 明细 and 校验结果, written a unit at a time as the units' checks arrive
 * (in file order) while the workers are still reading the rest. At the end only the units whose people
 * the X rules coloured are made again, the X rules' findings are added, and each sheet is joined from its
 * segments: not 300,000 rows made and deflated after the last file.
 */
export class CountyWriter {
  private readonly styles = new Styles(null);
  private readonly shared = new SharedStrings();
  private readonly detail: Long;
  private readonly findings: Long;
  /** by file: its segments, and the 序号 before its first person */
  private readonly made = new Map<string, { key: number; f: FileCheck; n: number; cited: number }>();
  private people = 0;
  private found = 0;

  constructor(private readonly mask: boolean) {
    this.detail = this.long(detailSheet([], mask).name, rowWriter(detailSheet([], mask), this.styles, this.shared), new SegmentedPart(NEW_BOOK_LEVEL));
    const findings = findingsSheet([], true);
    this.findings = this.long(findings.name, rowWriter(findings, this.styles, this.shared), new AppendedPart(NEW_BOOK_LEVEL));
  }

  add(f: FileCheck): void {
    const key = this.made.size;
    const at = { key, f, n: this.people, cited: 0 };
    this.made.set(f.file, at);
    this.makeDetail(at);
    this.people += f.result?.people.length ?? 0;
    const own = f.result?.findings ?? [];
    if (own.length) this.findings.set(key, findingsRows(own, f.file, this.mask, this.found), this.found);
    this.found += own.length;
  }

  /** after the X rules: the rows of the units whose people they coloured again, and their findings last */
  cross(findings: CrossFinding[]): void {
    for (const file of new Set(findings.map((x) => x.file))) {
      const at = this.made.get(file);
      if (!at) continue;
      this.shared.uncite(at.cited);
      this.makeDetail(at);
    }
    if (findings.length) this.findings.set(this.made.size, findingsRows(findings, null, this.mask, this.found), this.found);
  }

  /** what the county's workbook is written with: these styles and texts, and the two sheets from their segments */
  book(): BookOptions {
    return { styles: this.styles, shared: this.shared, packed: new Map([this.detail.entry, this.findings.entry]) };
  }

  private makeDetail(at: { key: number; f: FileCheck; n: number; cited: number }): void {
    const before = this.shared.citations;
    this.detail.set(at.key, detailRows([at.f], this.mask, at.n), at.n);
    at.cited = this.shared.citations - before;
  }

  private long(name: string, rows: RowWriter, part: SegmentedPart | AppendedPart): Long {
    return {
      // the header is row 1: the row numbered n + 1 is on row n + 2
      set: (key, list, n) => {
        const xml = rows.bytes(list, n + 2);
        if (part instanceof SegmentedPart) part.set(key, xml);
        else part.append(xml);
      },
      entry: [name, (p, head, tail) => part.pack(p, head, tail)],
    };
  }
}

interface Long {
  /** rows numbered from n + 1, as the segment `key` (明细) or after those before (校验结果) */
  set(key: number, rows: Iterable<OutCell[]>, n: number): void;
  entry: [string, PackSheet];
}
