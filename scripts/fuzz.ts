import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import { campaign } from '../test/fuzz/campaign';
import { BOMBS, writeFixtures } from '../test/fuzz/hostile';
import { freshNode, ownPeakMb } from '../bench/own-peak';

/**
 * npm run fuzz [-- --cases N] [-- --seed S] [-- --fixtures]: the long fuzz campaign (test/fuzz/campaign.ts), then every
 * bomb of test/fuzz/hostile.ts checked in a process of its own for its time and peak memory. The last line
 * says how many cases ran, how many failed, and the slowest one's seed (run it alone with --seed S --cases 1).
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** In a child: check one file, print the time it took and the process's peak RSS as JSON. */
async function checkOne(file: string): Promise<void> {
  const said: string[] = [];
  const t0 = performance.now();
  const code = await main(['check', file, '--out', `${file}.out.xlsx`, '--json', '--date', '2024-06-05'], { out: (s) => said.push(s), err: () => undefined });
  const ms = performance.now() - t0;
  const status = (JSON.parse(said.join('\n')) as { files: { status: string }[] }).files[0]?.status;
  console.log(JSON.stringify({ code, status, ms, rssMB: ownPeakMb() }));
}

async function run(): Promise<void> {
  const cases = arg('cases', 200);
  const seed = arg('seed', Date.now() % 1_000_000);
  let done = 0;
  const r = await campaign({
    cases, seed,
    onCase: (c, s) => {
      done++;
      for (const f of c.failures) console.log(`FAIL seed ${s}: ${f}`);
      if (done % 100 === 0) console.log(`… ${done} cases`);
    },
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-sweep-bomb-'));
  for (let i = 0; i < BOMBS.length; i++) {
    const file = path.join(dir, `${BOMBS[i].name}.xlsx`);
    writeFileSync(file, BOMBS[i].make());
    const child = freshNode([__filename, '--check-one', file]);
    if (child.status !== 0) throw new Error(`bomb ${BOMBS[i].name}: ${child.stderr}`);
    const out = child.stdout.trim().split('\n').pop()!;
    const b = JSON.parse(out) as { status: string; ms: number; rssMB: number };
    const ok = b.status !== 'ok' && b.ms < 2000 && b.rssMB < 300;
    console.log(`bomb ${BOMBS[i].name}: ${b.status}, ${(b.ms / 1000).toFixed(2)} s, ${Math.round(b.rssMB)} MB${ok ? '' : '  ← over 2 s or 300 MB, or not refused'}`);
    if (!ok) r.failed.push({ name: BOMBS[i].name, failures: ['bomb'], ms: b.ms, seed: -1 });
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`cases ${r.cases} · failures ${r.failed.length} · slowest ${(r.slowest.ms / 1000).toFixed(2)} s (seed ${r.slowest.seed})`);
  process.exitCode = r.failed.length ? 1 : 0;
}

const one = process.argv.indexOf('--check-one');
if (process.argv.includes('--fixtures')) {
  for (const f of writeFixtures(path.join(__dirname, '..', '..', 'test', 'fixtures', 'hostile'))) console.log(`已写出 ${f}`);
} else {
  void (one > 0 ? checkOne(process.argv[one + 1]) : run());
}
