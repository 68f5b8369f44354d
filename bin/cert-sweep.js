#!/usr/bin/env node
'use strict';
// The command line is compiled to lib/ by `npm ci` (the prepare script); build it here if it is missing.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const entry = path.join(root, 'lib', 'src', 'cli', 'bin.js');

// Node's default heap (about 4 GB) is too small for exceljs on the largest rosters: give the work a
// heap sized to this machine (60% of its memory, 4-16 GB). The checker refuses, with a message, what
// would still not fit, so it never dies of memory.
const heapSet = process.execArgv.concat((process.env.NODE_OPTIONS || '').split(/\s+/)).some((a) => a.startsWith('--max-old-space-size'));
if (!heapSet && !process.env.CERT_SWEEP_CHILD) {
  const mb = Math.max(4096, Math.min(16384, Math.floor((os.totalmem() / 1048576) * 0.6)));
  const r = spawnSync(process.execPath, [`--max-old-space-size=${mb}`, __filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, CERT_SWEEP_CHILD: '1' },
  });
  process.exit(r.status === null ? 2 : r.status);
}

if (!fs.existsSync(entry)) {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [root] }), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
}
require(entry);
