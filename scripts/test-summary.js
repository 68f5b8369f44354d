// Prints jest's totals as one plain closing line ("tests: N passed, N failed"), for CI logs.
const fs = require('fs');
const file = process.argv[2];
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const skipped = r.numPendingTests + (r.numTodoTests || 0);
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = r.success && r.numTotalTests > 0 ? 0 : 1;
