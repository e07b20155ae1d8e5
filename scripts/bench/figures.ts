/** One measured figure of `npm run bench`, with the budget it is held to (if any). */
export interface Figure {
  name: string;
  value: number;
  unit: 'B' | 'ms' | 'requests' | 'watches' | 'per minute' | 'caches' | 'objects';
  /** The largest value that keeps the budget. */
  budget?: number;
  /** How to print the budget when it is not a plain number (e.g. "as with 1 cache"). */
  budgetNote?: string;
}

const KB = 1024;

const amount = (value: number, unit: Figure['unit']): string => {
  if (unit === 'B') return `${(value / KB).toFixed(1)} KB`;
  if (unit === 'ms') return `${Math.round(value)} ms`;
  return `${value} ${unit}`;
};

/** True when the figure has a budget and breaks it. */
export const isBroken = (figure: Figure): boolean =>
  figure.budget !== undefined && figure.value > figure.budget;

/** One line of the report: name, value, budget, verdict. */
export const formatFigure = (figure: Figure): string => {
  let budget = 'no budget';
  if (figure.budget !== undefined) {
    const limit =
      figure.unit === 'B'
        ? `${(figure.budget / KB).toFixed(0)} KB`
        : amount(figure.budget, figure.unit);
    budget = `≤ ${limit}${figure.budgetNote ? ` (${figure.budgetNote})` : ''}`;
  }
  const verdict = figure.budget === undefined ? '' : isBroken(figure) ? 'OVER' : 'ok';
  return `  ${figure.name.padEnd(62)} ${amount(figure.value, figure.unit).padStart(13)}   ${budget.padEnd(30)} ${verdict}`;
};

/** The median of some numbers (the mean of the middle two for an even count). */
export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
