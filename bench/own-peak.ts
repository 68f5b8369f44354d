import { spawnSync, SpawnSyncReturns } from 'child_process';
import { readFileSync } from 'fs';

/**
 * This process's own peak resident memory, in MB. Both of Linux's figures are upper bounds: maxRSS starts
 * from the peak of the process that forked it (fork copies the mapping, exec keeps the mark), and VmHWM
 * is the new image's own but is not given by every kernel or sandbox. The smaller is the closer.
 */
export function ownPeakMb(): number {
  let hwm = Infinity;
  try {
    const m = /VmHWM:\s*(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) hwm = Number(m[1]) / 1024;
  } catch {
    // no /proc: maxRSS alone
  }
  return Math.min(hwm, process.resourceUsage().maxRSS / 1024);
}

// forks the measured process from a fresh Node of about 40 MB, so its maxRSS starts there and not at the
// caller's peak (a jest worker or the bench, which hold hundreds of MB)
const LAUNCH = `const r = require('child_process').spawnSync(process.execPath, JSON.parse(process.argv[1]), { stdio: 'inherit' });
process.exit(r.status === null ? 1 : r.status);`;

/** `node ...args` as a grandchild by way of a small launcher: for measuring its memory with ownPeakMb. */
export function freshNode(args: string[], env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['-e', LAUNCH, JSON.stringify(args)], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
