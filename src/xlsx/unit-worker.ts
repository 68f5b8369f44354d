import { parentPort, workerData } from 'worker_threads';
import { Day, Profile } from '../core';
import { fileBytes } from './guard';
import { checkUnitFile } from './unit-check';

/**
 * A worker of unit-pool.ts: checks the files it is sent, one at a time, reading the next one's bytes (named
 * as `upcoming`) while it checks this one, and posts each FileCheck back without its profile (the pool has
 * it; a thousand copies of it are not worth cloning).
 */
const { checkDate, profile } = workerData as { checkDate: Day; profile: Profile };
let ahead: { file: string; bytes: Promise<Buffer> } | undefined;

parentPort!.on('message', async ({ file, upcoming }: { file: string; upcoming?: string }) => {
  const bytes = ahead?.file === file ? ahead.bytes : fileBytes(file);
  ahead = upcoming ? { file: upcoming, bytes: fileBytes(upcoming) } : undefined;
  // a read that fails is reported when its file's turn comes
  ahead?.bytes.catch(() => undefined);
  const f = await checkUnitFile(file, checkDate, profile, bytes);
  if (f.result) (f.result as { profile?: Profile }).profile = undefined;
  parentPort!.postMessage(f);
});
