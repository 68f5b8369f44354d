// Prints the test totals of jest's JSON reports as one plain closing line ("tests: N passed, N failed").
const fs = require('fs');
let passed = 0, failed = 0, skipped = 0, ok = true;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) { ok = false; console.log(`missing test report ${file}`); continue; }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests || 0);
  ok = ok && r.success && r.numTotalTests > 0;
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = ok ? 0 : 1;
