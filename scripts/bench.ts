/**
 * `npm run bench` prints the plugin's measured figures with their budgets beside them;
 * `--check` exits non-zero when a budget is broken. Without options it measures the
 * production build in dist/ (run `npm run build` first): the entry and the closure of each
 * exposed module as consoles 4.19–4.21 and 4.22 load it (scripts/bench/share-scope.ts).
 * `--browser` adds what the browser and the cluster see in the local console shell (run
 * `npm run build-shell` too), and
 * `--traffic` measures only the cluster requests and watches of the list, details and Project
 * Overview pages with 1 and 200 caches (quick enough for `npm test`). `--only pages,timings,…`
 * picks browser sections.
 * Options: `--port N` (default $SHELL_PORT or a free port), `--runs N` (cold visits per timing,
 * default 5), `--probe-seconds N` (probe window, default 60). `BENCH_DEBUG=1` also lists the files
 * and requests each browser figure counted.
 */
import { closureRows, measuredOf } from './bundle-report';
import { closureFigures, formatClosureTable } from './bench/budgets';
import { formatFigure, isBroken, type Figure } from './bench/figures';
import { SECTIONS, type Section } from './bench/sections';

const option = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) {
    console.error(`--${name} needs a number, got ${String(process.argv[index + 1])}.`);
    process.exit(2);
  }
  return value;
};

/** `--only a,b`: the browser sections to run (all by default). */
const sections = (): Section[] => {
  const index = process.argv.indexOf('--only');
  if (index < 0) return [...SECTIONS];
  const asked = (process.argv[index + 1] ?? '').split(',');
  const unknown = asked.filter((name) => !SECTIONS.some((section) => section === name));
  if (unknown.length > 0) {
    console.error(`--only takes some of ${SECTIONS.join(', ')}; not ${unknown.join(', ')}.`);
    process.exit(2);
  }
  return SECTIONS.filter((section) => asked.includes(section));
};

const main = async (): Promise<void> => {
  const check = process.argv.includes('--check');
  const browser = process.argv.includes('--browser');
  const traffic = process.argv.includes('--traffic');
  console.log('pipcache-plugin benchmark figures');
  const figures: Figure[] = [];
  const report = (more: Figure[]) => {
    more.forEach((figure) => console.log(formatFigure(figure)));
    figures.push(...more);
  };
  if (!traffic) {
    // The budget table of issue 24: each exposed module's closure as consoles 4.19–4.21 (no
    // PatternFly in the share scope) and 4.22 (PatternFly shared) load it from dist/.
    const measured = measuredOf(await closureRows());
    console.log('bundle: what a console fetches from dist/ (gzip), against the budgets');
    formatClosureTable(measured).forEach((line) => console.log(line));
    figures.push(...closureFigures(measured));
  }
  if (browser || traffic) {
    // Loaded only here, so that the bundle check needs neither Playwright nor the shell build.
    const { browserFigures } = await import('./bench/browser');
    report(
      await browserFigures({
        port: option('port', Number(process.env.SHELL_PORT ?? 0)),
        sections: browser ? sections() : ['traffic-quick'],
        runs: option('runs', 5),
        probeSeconds: option('probe-seconds', 60),
      }),
    );
  }
  const broken = figures.filter(isBroken);
  if (check && broken.length > 0) {
    console.error(
      `${broken.length} budget(s) broken: ${broken.map((f) => f.name.trim()).join(', ')}`,
    );
    process.exit(1);
  }
};

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
