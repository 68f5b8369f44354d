// @ts-check
/*
 * A stand-in for unit-worker.ts that does to the pool what a hostile file could do to a reader: hang, run
 * out of memory, or end its thread. Files are named for what should happen to them. Plain JavaScript, so a
 * thread starts in milliseconds rather than compiling TypeScript first.
 */
const path = require('path');
const { parentPort } = require('worker_threads');

parentPort.on('message', ({ file }) => {
  const name = path.basename(file);
  if (name.startsWith('hang')) for (;;);
  if (name.startsWith('oom')) {
    const hoard = [];
    for (;;) hoard.push(new Array(1e6).fill(hoard.length));
  }
  if (name.startsWith('crash')) process.exit(3);
  if (name.startsWith('throw')) throw new Error('a bug in the reader');
  parentPort.postMessage({ file, status: 'not-a-roster', message: `fine: ${name}` });
});
