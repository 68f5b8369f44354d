import { promises as fs } from 'fs';
import { parentPort, workerData } from 'worker_threads';
import { campaignOf, Day, fileKeys, Profile, roundSalt } from '../core';
import { fileBytes } from './guard';
import { checkUnitFile, nodeSha256 } from './unit-check';
import { packCheck } from './unit-transfer';

/**
 * A worker of unit-pool.ts: checks the files it is sent, in the order sent, reading the next one's bytes
 * while it checks this one and starting on it as soon as this one's result is posted, and posts each
 * FileCheck back without its profile (the pool has it; a thousand copies of it are not worth cloning).
 */
const { checkDate, profile } = workerData as { checkDate: Day; profile: Profile };
const salt = roundSalt(campaignOf(profile));
const pending: string[] = [];
let running = false;
let ahead: { file: string; bytes: Promise<Buffer | null> } | undefined;
/** a file read ahead is held beside the one in hand: a large one waits for its turn (the heap limit does not cover bytes) */
const AHEAD_BYTES = 64 * 1024 * 1024;

/** start reading the next file's bytes; a read that fails is reported when its file's turn comes */
function readAhead(): void {
  if (ahead || !pending.length) return;
  const file = pending[0];
  ahead = { file, bytes: fs.stat(file).then((s) => (s.size > AHEAD_BYTES ? null : fileBytes(file)), () => fileBytes(file)) };
  ahead.bytes.catch(() => undefined);
}

parentPort!.on('message', ({ file }: { file: string }) => {
  pending.push(file);
  if (running) readAhead();
  else void run();
});

async function run(): Promise<void> {
  running = true;
  while (pending.length) {
    const file = pending.shift()!;
    const early = ahead?.file === file ? ahead.bytes : null;
    const bytes = early ? early.then((b) => b ?? fileBytes(file)) : fileBytes(file);
    ahead = undefined;
    readAhead();
    const f = await checkUnitFile(file, checkDate, profile, bytes);
    // the round sheet's keys, hashed here on the workers' cores rather than after the last file
    if (f.result?.people.length) f.roundKeys = { salt, keys: fileKeys(f, salt, nodeSha256) };
    if (f.result) (f.result as { profile?: Profile }).profile = undefined;
    parentPort!.postMessage(packCheck(f));
  }
  running = false;
}
