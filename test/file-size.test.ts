import { execFileSync } from 'child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, promises as fsPromises } from 'fs';
import path from 'path';
import { DEFAULT_PROFILE } from '../src/core';
import { checkFiles } from '../src/host/check-files';
import { memorySettings } from '../src/office/host';
import { demoUnits } from '../src/sample/demo';
import { checkDate, generatedAt } from '../src/sim-et/demo';
import { PageStore } from '../src/web/book';
import { webHost } from '../src/web/host';
import { openFiles } from '../src/web/open';
import { checkFile } from '../src/xlsx/check-file';
import { scanInbox } from '../src/xlsx/inbox';
import { mergeFiles } from '../src/xlsx/merge';
import { oursOf } from '../src/xlsx/ours';
import { readPreviousRound } from '../src/xlsx/round-read';
import { writeBook } from '../src/xlsx/write-book';
import { tmpDir } from './helpers/files';

/**
 * A file larger than any workbook the tool can take (a video, a disk image, a roster stuffed with photos) is refused
 * by its size before it is read: not read whole into memory first, on the command line or in a browser. A file that
 * is no file (a pipe, a device) is refused before it is read too.
 */
const opts = { checkDate, profile: DEFAULT_PROFILE };
const GiB = 2 ** 30;
const SAYS = /文件「(.+)」有 [\d,]+ MB，超过本工具能读取的上限（1,088 MB），未读取。摸排统计表通常只有几 MB/;

/** a file of that size that takes no disk (sparse) */
function sparse(file: string, size: number): string {
  const fd = openSync(file, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
  return file;
}

const dir = tmpDir();
const big = sparse(path.join(dir, '城关镇.xlsx'), 1.25 * GiB);
// past 2 GiB Node cannot read a file at all (ERR_FS_FILE_TOO_LARGE): said the same way, not as that code
const huge = sparse(path.join(dir, '营盘镇.xlsx'), 3 * GiB);

describe('a file too large to be a workbook', () => {
  it('check refuses it by its size, in Chinese, without reading it', async () => {
    for (const f of [big, huge]) {
      const before = process.memoryUsage().rss;
      const r = await checkFile(f, { ...opts, generatedAt });
      expect(r.status).toBe('unreadable');
      expect(r.message).toMatch(SAYS);
      expect(r.message).not.toMatch(/ERR_|Error/);
      expect(process.memoryUsage().rss - before).toBeLessThan(200 * 2 ** 20);
    }
  });

  it('check refuses a pipe or a device at once, rather than reading it for ever', async () => {
    const fifo = path.join(dir, '管道.xlsx');
    execFileSync('mkfifo', [fifo]);
    for (const f of [fifo, '/dev/zero']) {
      const r = await checkFile(f, { ...opts, generatedAt });
      expect(r).toMatchObject({ status: 'unreadable', message: `「${path.basename(f)}」不是普通文件（可能是管道或设备），请指定 .xlsx 文件。` });
    }
  });

  it('merge reports it with the others, and goes on', async () => {
    const unit = demoUnits(checkDate)[0];
    const fine = path.join(dir, unit.file);
    await writeBook(unit.book, fine);
    const m = await mergeFiles([big, fine, huge], { ...opts, expected: [], maskIds: true, generatedAt });
    expect(m.files.map((f) => [path.basename(f.file), f.status])).toEqual([['城关镇.xlsx', 'unreadable'], [unit.file, 'ok'], ['营盘镇.xlsx', 'unreadable']]);
    expect(m.files[0].message).toMatch(SAYS);
  });

  it('nor is it read as last round\'s county workbook, a file at an output\'s path, or a .docx for its title', async () => {
    const r = await readPreviousRound(big, 'salt');
    expect('error' in r && r.error).toMatch(SAYS);
    expect('error' in r && r.error).toContain('（--previous）本轮照常汇总，不生成“整改情况”。');
    expect(await readPreviousRound(path.join(dir, '没有这个文件.xlsx'), 'salt')).toEqual({ error: expect.stringContaining('找不到上一轮的县汇总工作簿') });
    // not ours, so never replaced; a pipe at that path is not opened (which would wait for a writer for ever)
    const fifo = path.join(dir, '输出管道.xlsx');
    execFileSync('mkfifo', [fifo]);
    const reads = jest.spyOn(fsPromises, 'readFile');
    expect(await oursOf(big)).toBeNull();
    expect(await oursOf(fifo)).toBeNull();
    const inbox = path.join(dir, '收件箱');
    mkdirSync(inbox);
    sparse(path.join(inbox, '自查报告.docx'), 100 * 2 ** 20);
    expect(await scanInbox([inbox])).toEqual([expect.objectContaining({ file: path.join(inbox, '自查报告.docx'), title: undefined })]);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
  });

  it('in a browser: the pane\'s merge and the offline page refuse it before asking for its bytes', async () => {
    const untouchable = (name: string, size: number) => ({ name, size, arrayBuffer: (): Promise<ArrayBuffer> => { throw new Error('read'); } });
    const { checks } = await checkFiles([untouchable('大文件.xlsx', 2 * GiB)], opts);
    expect(checks[0]).toMatchObject({ status: 'unreadable', message: expect.stringMatching(SAYS) });

    const store = new PageStore();
    await openFiles(store, [untouchable('大文件.xlsx', 2 * GiB)]);
    expect(store.get().error).toMatch(SAYS);
    const host = webHost(store, { displayLanguage: 'zh-CN', settings: memorySettings(), download: () => undefined });
    const out = await host.check(() => { throw new Error('not to be decided'); });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.message).toMatch(SAYS);
  });
});
