// Prints the closing lines of `npm test`: failed steps, then "tests: N passed, N failed" over
// the Jest and Playwright JSON reports; exits non-zero if any step failed.
import fs from 'fs';

const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

let passed = 0;
let failed = 0;
let skipped = 0;
const jest = readJson('.cache/jest.json');
if (jest) {
  passed += jest.numPassedTests;
  failed += jest.numFailedTests;
  skipped += jest.numPendingTests + jest.numTodoTests;
}
// The browser tests in the console 4.19 shell, then those in the console 4.22 shell.
for (const file of [
  '.cache/playwright.json',
  '.cache/playwright-4.21.json',
  '.cache/playwright-4.22.json',
]) {
  const playwright = readJson(file);
  if (playwright?.stats) {
    passed += playwright.stats.expected + playwright.stats.flaky;
    failed += playwright.stats.unexpected;
    skipped += playwright.stats.skipped;
  }
}

const failedSteps = process.argv.slice(2);
console.log();
if (failedSteps.length > 0) {
  console.log(`Failed steps: ${failedSteps.join('; ')}`);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
