#!/usr/bin/env node
'use strict';
// The command line is compiled to lib/ by `npm ci` (the prepare script); build it here if it is missing.
const fs = require('fs');
const path = require('path');
const root = path.join(__dirname, '..');
const entry = path.join(root, 'lib', 'src', 'cli', 'bin.js');
if (!fs.existsSync(entry)) {
  require('child_process').execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [root] }), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
}
require(entry);
