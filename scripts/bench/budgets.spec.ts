import { BUDGET_ROWS, closureFigures, formatClosureTable, type Measured } from './budgets';
import { isBroken } from './figures';

const KB = 1024;

/** Every row of the table measured on both consoles at `gzip` bytes. */
const allAt = (gzip: (key: string, console: '4.19' | '4.22') => number): Measured[] =>
  BUDGET_ROWS.flatMap((row) =>
    (['4.19', '4.22'] as const).map((console) => ({
      key: row.key,
      console,
      files: 3,
      gzip: gzip(row.key, console),
    })),
  );

describe('the page-weight budgets', () => {
  it('hold the goals of issue 24 on both consoles', () => {
    const budget = (key: string) => BUDGET_ROWS.find((row) => row.key === key)?.budgets;
    expect(budget('entry')).toEqual({ '4.19': 6 * KB, '4.22': 6 * KB });
    for (const key of ['ListPage', 'CreatePage', 'DetailsPage', 'BuildConfig'])
      expect(budget(key)).toEqual({ '4.19': 120 * KB, '4.22': 60 * KB });
    expect(budget('Dashboards')).toEqual({ '4.19': 60 * KB, '4.22': 30 * KB });
    expect(budget('icons')).toEqual({ '4.19': 5 * KB, '4.22': 5 * KB });
  });

  it('pass a figure exactly at its budget and break one a byte over', () => {
    const atBudget = closureFigures(
      allAt((key, console) => BUDGET_ROWS.find((r) => r.key === key)!.budgets[console]),
    );
    expect(atBudget).toHaveLength(BUDGET_ROWS.length * 2);
    expect(atBudget.filter(isBroken)).toEqual([]);
    const over = closureFigures(
      allAt((key, console) => {
        const budget = BUDGET_ROWS.find((r) => r.key === key)!.budgets[console];
        return key === 'DetailsPage' && console === '4.19' ? budget + 1 : budget;
      }),
    );
    expect(over.filter(isBroken).map((figure) => figure.name)).toEqual([
      'bundle 4.19–4.21: DetailsPage (3 files)',
    ]);
  });

  it('hold the 4.19–4.21 column to its own budget, not the looser one', () => {
    // 100 KB fits a page on 4.19–4.21 but not on 4.22, which shares PatternFly.
    const figures = closureFigures([
      { key: 'ListPage', console: '4.19', files: 30, gzip: 100 * KB },
      { key: 'ListPage', console: '4.22', files: 3, gzip: 100 * KB },
      { key: 'Dashboards', console: '4.19', files: 10, gzip: 61 * KB },
    ]);
    expect(figures.map(isBroken)).toEqual([false, true, true]);
  });

  it('print both columns side by side with the verdicts', () => {
    const lines = formatClosureTable(
      allAt((key, console) => (key === 'icons' && console === '4.19' ? 94 * KB : 1 * KB)),
    );
    expect(lines[0]).toMatch(/console 4\.19–4\.21 +console 4\.22/);
    const icons = lines.find((line) => line.includes('icons'));
    expect(icons).toMatch(/94\.0 KB ≤ 5\.0 KB +OVER +1\.0 KB ≤ 5\.0 KB +ok/);
  });
});
