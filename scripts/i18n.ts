/**
 * `npm run i18n` regenerates locales/en/plugin__pipcache-plugin.json from the sources;
 * `npm run i18n -- --check` fails when the committed file is stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import { collectKeys, diffLocale, LOCALE_FILE, renderLocale } from './i18n-keys';

const root = path.resolve(__dirname, '..');
const check = process.argv.includes('--check');
const { keys, problems } = collectKeys(root);

if (problems.length > 0) {
  for (const problem of problems) {
    console.error(
      `${problem.file}:${problem.line}: t() needs a literal English key: ${problem.text}`,
    );
  }
  process.exit(1);
}

const target = path.join(root, LOCALE_FILE);
const wanted = renderLocale(keys);
const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';

if (check) {
  if (committed !== wanted) {
    const { missing, unused } = diffLocale(committed, keys);
    console.error(`${LOCALE_FILE} is stale: run \`npm run i18n\` and commit the result.`);
    for (const key of missing) console.error(`  missing: ${key}`);
    for (const key of unused) console.error(`  unused:  ${key}`);
    process.exit(1);
  }
  console.log(`${LOCALE_FILE} is up to date (${keys.size} keys).`);
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, wanted);
  console.log(`Wrote ${LOCALE_FILE} (${keys.size} keys).`);
}
