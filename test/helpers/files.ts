import ExcelJS from 'exceljs';
import { mkdtempSync } from 'fs';
import os from 'os';
import path from 'path';

export function tmpDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'cert-sweep-'));
}

export async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every cell of a sheet as address → {value, style, note}, for comparing two workbooks. */
export function cells(ws: ExcelJS.Worksheet): Map<string, { value: unknown; style: string; note: string }> {
  const out = new Map<string, { value: unknown; style: string; note: string }>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (c) => {
      out.set(c.address, { value: c.value, style: JSON.stringify(c.style ?? {}), note: JSON.stringify(c.note ?? null) });
    });
  });
  return out;
}

export function capture(): { out: string[]; err: string[]; io: { out: (s: string) => void; err: (s: string) => void; now: () => Date } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s) => out.push(s), err: (s) => err.push(s), now: () => new Date('2024-06-05T09:30:00') } };
}
