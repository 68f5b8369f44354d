import path from 'path';
import { parentPort } from 'worker_threads';

/**
 * A stand-in for unit-worker.ts that does to the pool what a hostile file could do to a reader: hang, run
 * out of memory, or end its thread. Files are named for what should happen to them.
 */
parentPort!.on('message', ({ file }: { file: string }) => {
  const name = path.basename(file);
  if (name.startsWith('hang')) for (;;);
  if (name.startsWith('oom')) {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(1e6).fill(hoard.length));
  }
  if (name.startsWith('crash')) process.exit(3);
  if (name.startsWith('throw')) throw new Error('a bug in the reader');
  parentPort!.postMessage({ file, status: 'not-a-roster', message: `fine: ${name}` });
});
