/**
 * Prints the size of what the console downloads from the plugin: the entry, each exposed
 * module with its own chunks, and the PatternFly fallback chunks that load only when the
 * console's shared copy does not satisfy the plugin's version range. Reads the chunk graph
 * that webpack.config.ts records in .cache/bundle-stats.json during `npm run build`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';

interface ChunkGroup {
  assets: { name: string }[];
}

export interface SizeRow {
  label: string;
  files: string[];
  raw: number;
  gzip: number;
}

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

/** Raw and gzip (level 9) bytes of a set of files in dist/. */
export const measure = (label: string, files: string[]): SizeRow => {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const data = fs.readFileSync(path.join(dist, file));
    raw += data.length;
    gzip += gzipSync(data, { level: 9 }).length;
  }
  return { label, files, raw, gzip };
};

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Reads the chunk graph and measures the entry, each exposed module and the fallbacks. */
export const bundleRows = (): SizeRow[] => {
  const stats = JSON.parse(
    fs.readFileSync(path.join(root, '.cache', 'bundle-stats.json'), 'utf8'),
  ) as { namedChunkGroups: Record<string, ChunkGroup> };
  const rows: SizeRow[] = [];
  const claimed = new Set<string>();
  for (const [name, group] of Object.entries(stats.namedChunkGroups)) {
    const files = group.assets.map((asset) => asset.name).filter((file) => file.endsWith('.js'));
    files.forEach((file) => claimed.add(file));
    const label = name.startsWith('exposed-') ? `module ${name.slice('exposed-'.length)}` : 'entry';
    rows.push(measure(label, files));
  }
  const fallbacks = fs
    .readdirSync(dist)
    .filter((file) => file.endsWith('.js') && !claimed.has(file));
  rows.push(measure('shared-module fallbacks (all)', fallbacks));
  return rows;
};

if (require.main === module) {
  const rows = bundleRows();
  console.log('Bundle report (dist/):');
  console.log(
    `  ${'what'.padEnd(34)} ${'files'.padStart(5)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}`,
  );
  for (const row of rows) {
    console.log(
      `  ${row.label.padEnd(34)} ${String(row.files.length).padStart(5)} ${kb(row.raw).padStart(10)} ${kb(row.gzip).padStart(10)}`,
    );
  }
}
