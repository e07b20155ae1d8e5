/**
 * The page-weight budgets of issue 24 (gzip bytes) for each console column, and the figures
 * `npm run bench` prints and `--check` holds to them. Pure: no file system, no build.
 */
import type { Figure } from './figures';

const KB = 1024;

/** The two share scopes a console hands the plugin: without PatternFly (4.19–4.21) and with it (4.22). */
export type ConsoleKey = '4.19' | '4.22';

export const CONSOLE_TITLES: Record<ConsoleKey, string> = {
  '4.19': 'console 4.19–4.21 (no PatternFly shared)',
  '4.22': 'console 4.22 (PatternFly shared)',
};

/** One row of the budget table: the entry or an exposed module. */
export interface BudgetRow {
  /** `entry`, or the exposed module's name as `container.get` takes it. */
  key: string;
  label: string;
  budgets: Record<ConsoleKey, number>;
}

const page = { '4.19': 120 * KB, '4.22': 60 * KB };

/** The budgets, in gzip bytes: the entry, and each exposed module's closure without the entry. */
export const BUDGET_ROWS: BudgetRow[] = [
  {
    key: 'entry',
    label: 'entry (every console page)',
    budgets: { '4.19': 6 * KB, '4.22': 6 * KB },
  },
  { key: 'ListPage', label: 'ListPage', budgets: page },
  { key: 'CreatePage', label: 'CreatePage', budgets: page },
  { key: 'DetailsPage', label: 'DetailsPage', budgets: page },
  { key: 'BuildConfig', label: 'BuildConfig', budgets: page },
  {
    key: 'Dashboards',
    label: 'Dashboards (every Project Overview)',
    budgets: { '4.19': 60 * KB, '4.22': 30 * KB },
  },
  { key: 'icons', label: 'icons (the Add card)', budgets: { '4.19': 5 * KB, '4.22': 5 * KB } },
];

/** What the sandbox measured for one row on one console. */
export interface Measured {
  key: string;
  console: ConsoleKey;
  files: number;
  gzip: number;
}

/** One figure per row and console, each with its budget; a row the table lacks has none. */
export const closureFigures = (measured: Measured[]): Figure[] =>
  measured.map((m) => {
    const row = BUDGET_ROWS.find((candidate) => candidate.key === m.key);
    return {
      name: `bundle ${m.console === '4.19' ? '4.19–4.21' : m.console}: ${row?.label ?? m.key} (${m.files} files)`,
      value: m.gzip,
      unit: 'B',
      budget: row?.budgets[m.console],
    };
  });

const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;

/** The two columns side by side: figure, budget and verdict for each console. */
export const formatClosureTable = (measured: Measured[]): string[] => {
  const cell = (key: string, consoleKey: ConsoleKey): string => {
    const m = measured.find(
      (candidate) => candidate.key === key && candidate.console === consoleKey,
    );
    const row = BUDGET_ROWS.find((candidate) => candidate.key === key);
    if (!m) return 'not measured'.padEnd(30);
    const budget = row?.budgets[consoleKey];
    if (budget === undefined) return kb(m.gzip).padEnd(30);
    const verdict = m.gzip > budget ? 'OVER' : 'ok';
    return `${kb(m.gzip).padStart(9)} ≤ ${kb(budget).padEnd(9)} ${verdict.padEnd(4)}`.padEnd(30);
  };
  const keys = [
    ...BUDGET_ROWS.map((row) => row.key),
    ...new Set(measured.map((m) => m.key).filter((key) => !BUDGET_ROWS.some((r) => r.key === key))),
  ];
  return [
    `  ${'gzip, closure without the entry'.padEnd(38)}${'console 4.19–4.21'.padEnd(30)}console 4.22`,
    ...keys.map((key) => {
      const label = BUDGET_ROWS.find((row) => row.key === key)?.label ?? key;
      return `  ${label.padEnd(38)}${cell(key, '4.19')}${cell(key, '4.22')}`.trimEnd();
    }),
  ];
};
