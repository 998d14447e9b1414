// Sums the JUnit reports jest wrote in every package (test-reports/junit.xml, also restored
// from the nx cache) into one closing line: "tests: N passed, N failed, N skipped".
const fs = require('fs');
const path = require('path');

let passed = 0, failed = 0, skipped = 0;
const packages = path.join(__dirname, '..', 'packages');
for (const pkg of fs.readdirSync(packages)) {
  const report = path.join(packages, pkg, 'test-reports', 'junit.xml');
  if (!fs.existsSync(report)) continue;
  const head = /<testsuites\b[^>]*>/.exec(fs.readFileSync(report, 'utf-8'));
  if (!head) continue;
  const attr = (name) => Number((new RegExp(`\\b${name}="(\\d+)"`).exec(head[0]) || [])[1] || 0);
  const total = attr('tests');
  const bad = attr('failures') + attr('errors');
  const skip = attr('skipped');
  console.log(`${pkg}: ${total - bad - skip} passed, ${bad} failed, ${skip} skipped`);
  passed += total - bad - skip; failed += bad; skipped += skip;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
