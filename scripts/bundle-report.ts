/**
 * Prints what the console downloads from the plugin's production build (dist/): the entry, and
 * for each exposed module the closure of files a page that renders it fetches, on each console's
 * share scope. The closures come from loading dist/ the way a console does, in a sandbox
 * (scripts/bench/share-scope.ts): on consoles 4.19–4.21 they include the PatternFly fallback
 * chunks the module needs, on 4.22 the console's PatternFly serves them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import type { ConsoleKey, Measured } from './bench/budgets';
import { CONSOLES, moduleClosures } from './bench/share-scope';

export interface SizeRow {
  label: string;
  files: string[];
  raw: number;
  gzip: number;
}

const root = path.resolve(__dirname, '..');
export const DIST = path.join(root, 'dist');

/** Raw and gzip (level 9) bytes of a set of files in dist/, each compressed on its own as served. */
export const measure = (label: string, files: string[]): SizeRow => {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const data = fs.readFileSync(path.join(DIST, file));
    raw += data.length;
    gzip += gzipSync(data, { level: 9 }).length;
  }
  return { label, files, raw, gzip };
};

/** The exposed modules, as the build's package.json declares them. */
export const exposedModules = (): string[] =>
  Object.keys(
    (
      JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        consolePlugin: { exposedModules: Record<string, string> };
      }
    ).consolePlugin.exposedModules,
  );

/** One closure, measured. */
export interface ClosureRow extends SizeRow {
  key: string;
  console: ConsoleKey;
}

/** The entry and every exposed module's closure on every console, measured from dist/. */
export const closureRows = async (): Promise<ClosureRow[]> => {
  if (!fs.existsSync(path.join(DIST, 'plugin-manifest.json')))
    throw new Error('No build in dist/: run `npm run build` first.');
  const closures = await moduleClosures(DIST, exposedModules(), CONSOLES);
  const rows: ClosureRow[] = [];
  for (const consoleScope of CONSOLES) {
    const first = closures.find((c) => c.console === consoleScope.key);
    if (first)
      rows.push({ key: 'entry', console: consoleScope.key, ...measure('entry', first.entry) });
  }
  for (const closure of closures)
    rows.push({
      key: closure.module,
      console: closure.console,
      ...measure(closure.module, closure.files),
    });
  return rows;
};

/** The rows in the shape the budgets take. */
export const measuredOf = (rows: ClosureRow[]): Measured[] =>
  rows.map((row) => ({
    key: row.key,
    console: row.console,
    files: row.files.length,
    gzip: row.gzip,
  }));

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

if (require.main === module) {
  closureRows()
    .then((rows) => {
      console.log('Bundle report (dist/), as each console loads it:');
      console.log(
        `  ${'console'.padEnd(8)} ${'what'.padEnd(14)} ${'files'.padStart(5)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}`,
      );
      for (const row of rows)
        console.log(
          `  ${row.console.padEnd(8)} ${row.key.padEnd(14)} ${String(row.files.length).padStart(5)} ${kb(row.raw).padStart(10)} ${kb(row.gzip).padStart(10)}`,
        );
      if (process.env.BENCH_DEBUG)
        for (const row of rows) console.log(`${row.console} ${row.key}: ${row.files.join(' ')}`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
}
