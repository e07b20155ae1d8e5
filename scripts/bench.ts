/**
 * `npm run bench` prints the plugin's measured figures with their budgets beside them;
 * `npm run bench -- --check` exits non-zero when a budget is broken. Sizes come from the
 * production build in dist/ (run `npm run build` first).
 */
import { bundleRows, type SizeRow } from './bundle-report';

interface Figure {
  name: string;
  value: number;
  unit: string;
  budget?: number;
}

const KB = 1024;

/** The budgets of issue 10, in bytes of gzip. */
export const BUDGETS = {
  entryGzip: 5 * KB,
  pageGzip: 120 * KB,
  /** The dashboard items' module: the Project Overview's inventory item loads it on every visit. */
  inventoryItemGzip: 30 * KB,
};

/** Figures for the bundle: the entry and each exposed module, each against its budget. */
export const bundleFigures = (rows: SizeRow[]): Figure[] =>
  rows.map((row) => {
    let budget: number | undefined;
    if (row.label === 'entry') budget = BUDGETS.entryGzip;
    else if (row.label === 'module Dashboards') budget = BUDGETS.inventoryItemGzip;
    else if (row.label.startsWith('module ')) budget = BUDGETS.pageGzip;
    return { name: `bundle: ${row.label} (gzip)`, value: row.gzip, unit: 'B', budget };
  });

const format = (figure: Figure): string => {
  const value =
    figure.unit === 'B' ? `${(figure.value / KB).toFixed(1)} KB` : `${figure.value} ${figure.unit}`;
  const budget =
    figure.budget === undefined
      ? 'no budget'
      : `budget ${figure.unit === 'B' ? `${(figure.budget / KB).toFixed(0)} KB` : `${figure.budget} ${figure.unit}`}`;
  const verdict = figure.budget === undefined ? '' : figure.value <= figure.budget ? 'ok' : 'OVER';
  return `  ${figure.name.padEnd(52)} ${value.padStart(10)}   ${budget.padEnd(16)} ${verdict}`;
};

if (require.main === module) {
  const check = process.argv.includes('--check');
  const figures = bundleFigures(bundleRows());
  console.log('pipcache-plugin benchmark figures');
  figures.forEach((figure) => console.log(format(figure)));
  const broken = figures.filter((f) => f.budget !== undefined && f.value > f.budget);
  if (check && broken.length > 0) {
    console.error(`${broken.length} budget(s) broken: ${broken.map((f) => f.name).join(', ')}`);
    process.exit(1);
  }
}
