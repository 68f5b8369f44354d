import { existsSync } from 'fs';
import os from 'os';
import path from 'path';
import { Worker } from 'worker_threads';
import { Day, Profile } from '../core';
import { UnitCheck } from './unit-check';
import { Packed, unpackCheck } from './unit-transfer';

/**
 * The county's merge checks each unit's file in a worker thread with a heap limit and a time limit, so that
 * nothing one file does (a bomb the guards miss, a hang, a crash of its reader) can end the run: that file is
 * reported as unusable and the rest go on. Workers also read several files at once, one a core.
 */
export interface PoolLimits {
  /** workers at once; default one a core, at most 4 */
  workers?: number;
  /** a file's time, ms; default 120 s */
  timeoutMs?: number;
  /** the worker's module, for tests of a worker that misbehaves; unit-worker by default */
  worker?: string;
  /** a worker's old-generation heap, MB; default 2,048 (V8 collects far more often under less: 1,536 made the bench's merge 40% slower) */
  heapMb?: number;
}

const DEFAULTS = { timeoutMs: 120_000, heapMb: 2048 };

/** The compiled worker, or (when run from TypeScript, as in the tests) the source through a transpiling hook. */
function spawn(module: string, data: unknown, heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb };
  const js = module.replace(/\.ts$/, '.js');
  if (existsSync(js)) return new Worker(js, { workerData: data, resourceLimits });
  const ts = module.replace(/\.js$/, '.ts');
  const boot = `const ts = require(${JSON.stringify(require.resolve('typescript'))}); const fs = require('fs');
require.extensions['.ts'] = (m, file) => m._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'),
  { fileName: file, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText, file);
require(${JSON.stringify(ts)});`;
  return new Worker(boot, { eval: true, workerData: data, resourceLimits });
}

const reasons = {
  memory: (name: string, mb: number) => `「${name}」读取时占用内存超过上限（${mb} MB），已跳过。请检查文件是否有大量空行空列或异常内容，删除后另存为 .xlsx 再报送。`,
  time: (name: string, s: number) => `「${name}」读取超过 ${s} 秒仍未完成，已跳过。请检查文件是否有大量空行空列，删除后另存为 .xlsx 再报送。`,
  crash: (name: string) => `「${name}」读取时意外中止，已跳过。请用 Excel 或 WPS 打开后另存为 .xlsx 再报送。`,
};

/** Every file checked, in the order given; onFile is told of each in that order too. */
export function checkUnits(
  files: string[], opts: { checkDate: Day; profile: Profile; limits?: PoolLimits },
  onFile?: (i: number, n: number, file: string, f: UnitCheck) => void,
): Promise<UnitCheck[]> {
  const { timeoutMs, heapMb } = { ...DEFAULTS, ...opts.limits };
  const size = Math.max(1, Math.min(files.length, opts.limits?.workers ?? Math.min(4, os.availableParallelism())));
  const results: (UnitCheck | undefined)[] = new Array(files.length);
  const data = { checkDate: opts.checkDate, profile: opts.profile };
  // files not yet given to a worker, in order; each worker is given two, the one it checks and the next,
  // which it reads ahead and starts on as soon as it has posted the first (never waiting on this thread)
  const queue = files.map((_, i) => i);
  let told = 0;
  return new Promise((resolve) => {
    const settle = (i: number, f: UnitCheck) => {
      if (f.result) f.result.profile = opts.profile;
      results[i] = f;
      while (told < files.length && results[told]) {
        onFile?.(told + 1, files.length, files[told], results[told]!);
        told++;
      }
      if (told === files.length) resolve(results as UnitCheck[]);
    };
    const start = () => {
      if (!queue.length) return;
      const worker = spawn(opts.limits?.worker ?? path.join(__dirname, 'unit-worker.js'), data, heapMb);
      /** the files given to this worker, in the order it checks them; the first is the one in hand */
      const given: number[] = [];
      let timer: NodeJS.Timeout | undefined;
      // the time limit runs for the file in hand, from when the one before it came back
      const clock = () => {
        clearTimeout(timer);
        if (given.length) timer = setTimeout(() => fail(reasons.time(path.basename(files[given[0]]), Math.ceil(timeoutMs / 1000))), timeoutMs);
      };
      const give = () => {
        while (given.length < 2 && queue.length) {
          const i = queue.shift()!;
          given.push(i);
          worker.postMessage({ file: files[i] });
        }
        if (!given.length) void worker.terminate();
      };
      // a worker that failed is replaced; the file in hand is reported, once, and the next goes back to the queue
      const fail = (message: string) => {
        clearTimeout(timer);
        worker.removeAllListeners();
        // an uncaught error still queued when the time limit stops the worker is emitted as it exits (kOnExit drains
        // the internal port too): with no listener left, 'error' would throw on this thread and end the merge
        worker.on('error', () => undefined);
        void worker.terminate();
        const [held, ...rest] = given.splice(0);
        queue.unshift(...rest);
        if (held === undefined) return;
        settle(held, { file: files[held], status: 'unreadable', message });
        start();
      };
      worker.on('message', (f: Packed) => {
        const done = given.shift()!;
        clock();
        give();
        settle(done, unpackCheck(f));
      });
      // an uncaught error reaches 'error' on the worker's internal port, which can overtake what it posted before
      // on the public one; 'exit' delivers those first (Node's worker.js kOnExit drains the public port), so the
      // file in hand is only known there
      let outOfMemory = false;
      worker.on('error', (e: Error & { code?: string }) => { outOfMemory ||= e.code === 'ERR_WORKER_OUT_OF_MEMORY'; });
      worker.on('exit', () => {
        const name = given.length ? path.basename(files[given[0]]) : '';
        fail(outOfMemory ? reasons.memory(name, heapMb) : reasons.crash(name));
      });
      give();
      clock();
    };
    if (files.length === 0) resolve([]);
    for (let k = 0; k < size; k++) start();
  });
}
