/**
 * The browser half of `npm run bench`: loads the production build of the plugin into the local
 * console shell (integration-tests/console/) in Debian's headless Chromium and measures what
 * each page downloads from the plugin, how long the pages take to become usable, and what the
 * in-memory cluster sees (requests, watches, probes). Needs `npm run build` and
 * `npm run build-shell` first.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { closureRows, measure } from '../bundle-report';
import { BUDGET_ROWS, type ConsoleKey } from './budgets';
import { shellDistOf, startShell, type ShellServer } from '../../integration-tests/console/server';
import { cacheObjects } from '../../integration-tests/browser/fixtures';
import { RESOURCES } from '../../integration-tests/cluster-api/resources';
import type { K8sObject } from '../../integration-tests/cluster-api/store';
import playwrightConfig from '../../integration-tests/browser/playwright.config';
import { median, type Figure } from './figures';
import type { Section } from './sections';

const NAMESPACE = 'demo';
const PLUGIN_PREFIX = '/api/plugins/pipcache-plugin/';
const API_PREFIX = '/api/kubernetes/';
/** The cache counts the traffic figures compare: they must not grow from the first to the last. */
export const CACHE_COUNTS = [1, 20, 200] as const;

/**
 * What a page may fetch from the plugin on a console column, in bytes of gzip: the entry's budget
 * plus that of the exposed module the page renders (the tables of scripts/bench/budgets.ts). A
 * page that renders a part its module loads lazily (the PipCache tab's card) has a page budget.
 */
export const pageBudget = (moduleKey: string, consoleKey: ConsoleKey): number => {
  const budgetOf = (key: string) =>
    BUDGET_ROWS.find((row) => row.key === key)?.budgets[consoleKey] ?? Number.NaN;
  return budgetOf('entry') + budgetOf(moduleKey);
};

type UserName = 'project-admin' | 'cluster-admin';

/** What a page is, where it lives, and what shows that it has finished loading. */
interface PageSpec {
  key: string;
  title: string;
  /** The row of the budget table (scripts/bench/budgets.ts) the page is held to. */
  budgetRow: string;
  path: string;
  user: UserName;
  /** Runs in the page: true once the page shows what it is for. */
  ready: (cacheCount: number) => Condition;
}

/** A DOM condition, checked in the page (it must be plain data to cross into the browser). */
interface Condition {
  selector: string;
  count?: number;
  text?: string;
  enabled?: boolean;
}

/** Rows on the cluster PipCache card's first page: the only caches it probes. */
const CARD_ROWS = 10;

const cacheName = (index: number): string => `cache-${String(index).padStart(3, '0')}`;

const PAGES: PageSpec[] = [
  {
    key: 'list',
    budgetRow: 'ListPage',
    title: 'list /pipcache/ns/demo',
    path: `/pipcache/ns/${NAMESPACE}`,
    user: 'project-admin',
    ready: (n) => ({ selector: '[data-test="pipcache-row"]', count: n }),
  },
  {
    key: 'create',
    budgetRow: 'CreatePage',
    title: 'create /pipcache/ns/demo/~new',
    path: `/pipcache/ns/${NAMESPACE}/~new`,
    user: 'project-admin',
    ready: () => ({ selector: '[data-test="pipcache-create-submit"]', enabled: true }),
  },
  {
    key: 'details',
    budgetRow: 'DetailsPage',
    title: `details /pipcache/ns/demo/${cacheName(1)}`,
    path: `/pipcache/ns/${NAMESPACE}/${cacheName(1)}`,
    user: 'project-admin',
    ready: () => ({ selector: '[data-test="pipcache-health-sentence"]', text: '^Ready' }),
  },
  {
    key: 'buildconfig',
    budgetRow: 'BuildConfig',
    title: 'BuildConfig tab /k8s/ns/demo/buildconfigs/shop/pipcache',
    path: `/k8s/ns/${NAMESPACE}/buildconfigs/shop/pipcache`,
    user: 'project-admin',
    ready: () => ({ selector: '[data-test="pipcache-bc-summary"]' }),
  },
  {
    key: 'project',
    budgetRow: 'Dashboards',
    title: 'Project Overview /k8s/cluster/projects/demo',
    path: `/k8s/cluster/projects/${NAMESPACE}`,
    user: 'project-admin',
    ready: (n) => ({ selector: '[data-test="pipcache-inventory-cache"]', count: n }),
  },
  {
    key: 'cluster-tab',
    // The Dashboards module plus the card it loads when the tab renders: a page like the others.
    budgetRow: 'ListPage',
    title: 'cluster Overview PipCache tab /dashboards/pipcache',
    path: '/dashboards/pipcache',
    user: 'cluster-admin',
    // The card shows a page of CARD_ROWS rows at a time.
    ready: (n) => ({
      selector: '[data-test="pipcache-cluster-row"]',
      count: Math.min(n, CARD_ROWS),
    }),
  },
  {
    key: 'status-card',
    budgetRow: 'Dashboards',
    title: 'cluster Overview Status card /dashboards',
    path: '/dashboards',
    user: 'cluster-admin',
    ready: () => ({
      selector:
        '[data-test="status-card"] [data-test-title="Pip caches"] [data-test="health-item-details"]',
      text: '\\S',
    }),
  },
];

const pageSpec = (key: string): PageSpec => {
  const spec = PAGES.find((candidate) => candidate.key === key);
  if (!spec) throw new Error(`no page ${key}`);
  return spec;
};

/** A BuildConfig of an application (not a cache) for the BuildConfig tab. */
const applicationBuildConfig = {
  apiVersion: 'build.openshift.io/v1',
  kind: 'BuildConfig',
  metadata: { name: 'shop', namespace: NAMESPACE, labels: { app: 'shop' } },
  spec: {
    source: { type: 'Git', git: { uri: 'https://git.example.com/team/shop.git' } },
    strategy: {
      type: 'Source',
      sourceStrategy: {
        from: { kind: 'ImageStreamTag', name: 'python:3.12-ubi9', namespace: 'openshift' },
      },
    },
    output: { to: { kind: 'ImageStreamTag', name: 'shop:latest' } },
  },
};

/** Starts the cluster over from the demo seed with `count` ready caches and the shop BuildConfig. */
const seedCluster = (shell: ShellServer, count: number, user: UserName): void => {
  shell.cluster.reset('demo');
  shell.cluster.setUser(user);
  for (let index = 1; index <= count; index += 1)
    for (const object of cacheObjects(cacheName(index), { namespace: NAMESPACE }))
      shell.cluster.seed(object as K8sObject);
  shell.cluster.seed(applicationBuildConfig);
};

/**
 * Runs in the page before any of its scripts: records in `window.__bench` the time (ms since
 * navigation start) at which a condition first holds, and every long task. A MutationObserver
 * sees changes the moment they happen; the interval is a safety net for changes it does not
 * report (such as properties React sets without an attribute).
 */
const installProbes = (condition: Condition): void => {
  interface BenchState {
    readyAt?: number;
    longTasks: { start: number; duration: number }[];
  }
  const state: BenchState = { longTasks: [] };
  (window as unknown as { __bench: BenchState }).__bench = state;
  const holds = (): boolean => {
    const found = document.querySelectorAll(condition.selector);
    if (condition.count !== undefined ? found.length !== condition.count : found.length === 0)
      return false;
    const first = found[0] as HTMLInputElement | HTMLButtonElement | undefined;
    if (!first) return false;
    if (condition.text !== undefined && !new RegExp(condition.text).test(first.textContent))
      return false;
    if (condition.enabled && (first.disabled || first.getAttribute('aria-disabled') === 'true'))
      return false;
    return true;
  };
  const check = (): void => {
    if (state.readyAt === undefined && holds()) state.readyAt = performance.now();
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  const timer = setInterval(() => {
    check();
    if (state.readyAt !== undefined) clearInterval(timer);
  }, 20);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

interface Traffic {
  /** Requests to the cluster (`/api/kubernetes/`), not counting watch sockets. */
  requests: { method: string; url: string; at: number }[];
  socketsOpened: string[];
  socketsClosed: number;
  /** Plugin-served JavaScript files, by name in dist/. */
  pluginJs: Set<string>;
  /** When the last cluster request or watch started (ms since the epoch). */
  lastActivity: number;
}

const recordTraffic = (page: Page): Traffic => {
  const traffic: Traffic = {
    requests: [],
    socketsOpened: [],
    socketsClosed: 0,
    pluginJs: new Set(),
    lastActivity: 0,
  };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith(API_PREFIX)) {
      traffic.requests.push({ method: request.method(), url: request.url(), at: Date.now() });
      traffic.lastActivity = Date.now();
    }
  });
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith(PLUGIN_PREFIX) && url.pathname.endsWith('.js'))
      traffic.pluginJs.add(url.pathname.slice(PLUGIN_PREFIX.length));
  });
  page.on('websocket', (socket) => {
    traffic.socketsOpened.push(socket.url());
    traffic.lastActivity = Date.now();
    socket.on('close', () => {
      traffic.socketsClosed += 1;
    });
  });
  return traffic;
};

/** Waits until no cluster request or watch has started for `quietMs` (at most `maxMs`). */
const settle = async (page: Page, traffic: Traffic, quietMs = 1500, maxMs = 15_000) => {
  const started = Date.now();
  for (;;) {
    const last = Math.max(traffic.lastActivity, started);
    const now = Date.now();
    if (now - last >= quietMs && now - started >= quietMs) return;
    if (now - started > maxMs) return;
    await page.waitForTimeout(250);
  }
};

interface Visit {
  context: BrowserContext;
  page: Page;
  traffic: Traffic;
  /** Milliseconds from navigation start until the page showed what it is for. */
  readyMs: number;
}

/** Opens a page in a fresh browser context (a cold cache) and waits until it is ready. */
const visit = async (
  browser: Browser,
  shell: ShellServer,
  spec: PageSpec,
  count: number,
  { beforeLoad }: { beforeLoad?: (page: Page) => Promise<void> } = {},
) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const traffic = recordTraffic(page);
  const condition = spec.ready(count);
  if (beforeLoad) await beforeLoad(page);
  await page.addInitScript(installProbes, condition);
  await page.goto(`${shell.url}${spec.path}`);
  await page.waitForFunction(
    () => (window as unknown as { __bench?: { readyAt?: number } }).__bench?.readyAt !== undefined,
    undefined,
    { timeout: 30_000, polling: 50 },
  );
  const readyMs = await page.evaluate(
    () => (window as unknown as { __bench: { readyAt: number } }).__bench.readyAt,
  );
  return { context, page, traffic, readyMs } satisfies Visit;
};

const isProbe = (url: string): boolean => new URL(url).pathname.includes('/proxy/');

/**
 * A further page of a list (`continue=`): the console's watch reads a list 250 objects at a time
 * before it watches, so these grow with the objects (two Routes a cache reach 250 at 125
 * caches) whatever the plugin does. They are counted apart from the requests the plugin makes.
 */
const isFurtherPage = (url: string): boolean => new URL(url).searchParams.has('continue');

/**
 * What each page fetches from the plugin (entry included), in gzip bytes, in each console
 * generation of the shell that is built: 4.19 (standing for 4.19 and 4.20) and 4.21 share no
 * PatternFly, as those consoles do, and are held to the 4.19–4.21 budgets; 4.22 shares
 * PatternFly 6.4 and is held to its own. The PatternFly fallback files are those the module
 * closures load on 4.19–4.21 but not on 4.22.
 */
const bundleFigures = async (browser: Browser): Promise<Figure[]> => {
  const closures = await closureRows();
  const on422 = new Set(closures.filter((c) => c.console === '4.22').flatMap((c) => c.files));
  const fallbacks = new Set(
    closures
      .filter((c) => c.console === '4.19')
      .flatMap((c) => c.files)
      .filter((file) => !on422.has(file)),
  );
  const figures: Figure[] = [];
  for (const generation of ['4.19', '4.21', '4.22'] as const) {
    if (!fs.existsSync(path.join(shellDistOf(generation), 'index.html'))) {
      console.log(
        `(shell ${generation} is not built: npm run build-shell${generation === '4.19' ? '' : `-${generation}`})`,
      );
      continue;
    }
    const column: ConsoleKey = generation === '4.22' ? '4.22' : '4.19';
    const shell = await startShell({ port: 0, seed: 'demo', generation });
    try {
      for (const spec of PAGES) {
        seedCluster(shell, 1, spec.user);
        const { context, page, traffic } = await visit(browser, shell, spec, 1);
        await settle(page, traffic);
        await context.close();
        const files = [...traffic.pluginJs].sort();
        if (process.env.BENCH_DEBUG) console.log(`${generation} ${spec.key}: ${files.join(' ')}`);
        const all = measure(spec.key, files);
        const own = measure(
          spec.key,
          files.filter((file) => fallbacks.has(file)),
        );
        figures.push({
          name: `page JS, console ${generation} shell: ${spec.title} (${all.files.length} files, ${own.files.length} PatternFly fallbacks)`,
          value: all.gzip,
          unit: 'B',
          budget: pageBudget(spec.budgetRow, column),
        });
      }
    } finally {
      await shell.close();
    }
  }
  return figures;
};

/**
 * Requests and watch sockets each page causes while it loads and settles, for 1, 20 and 200
 * caches. A page that asked the cluster once per cache would grow with the count; the budget
 * of every count is the figure for 1 cache.
 */
export const trafficFigures = async (
  browser: Browser,
  shell: ShellServer,
  quick: boolean,
): Promise<Figure[]> => {
  const figures: Figure[] = [];
  const keys = quick
    ? ['list', 'details', 'project', 'cluster-tab']
    : ['list', 'details', 'project', 'cluster-tab', 'status-card'];
  const counts = quick ? [1, 200] : CACHE_COUNTS;
  for (const key of keys) {
    const spec = pageSpec(key);
    let base: { requests: number; watches: number } | undefined;
    for (const count of counts) {
      seedCluster(shell, count, spec.user);
      const { context, page, traffic } = await visit(browser, shell, spec, count);
      await settle(page, traffic);
      const lists = traffic.requests.filter((r) => !isProbe(r.url));
      const requests = lists.filter((r) => !isFurtherPage(r.url)).length;
      const furtherPages = lists.length - requests;
      const watches = traffic.socketsOpened.length - traffic.socketsClosed;
      await context.close();
      // BENCH_DEBUG=1 lists what was counted, to see which request a change added.
      if (process.env.BENCH_DEBUG)
        console.log(
          [
            key,
            count,
            ...traffic.requests.map((r) => `${r.method} ${r.url}`),
            ...traffic.socketsOpened,
          ].join('\n    '),
        );
      base ??= { requests, watches };
      const note = count === 1 ? undefined : 'as with 1 cache';
      figures.push({
        name: `cluster: ${key} with ${count} caches, requests`,
        value: requests,
        unit: 'requests',
        ...(note ? { budget: base.requests, budgetNote: note } : {}),
      });
      figures.push({
        name: `cluster: ${key} with ${count} caches, further list pages`,
        value: furtherPages,
        unit: 'requests',
      });
      figures.push({
        name: `cluster: ${key} with ${count} caches, open watches`,
        value: watches,
        unit: 'watches',
        ...(note ? { budget: base.watches, budgetNote: note } : {}),
      });
    }
  }
  return figures;
};

/**
 * Probe requests (devpi `/+api` and `/+status` through the service proxy) per minute with 200 caches: the list
 * page and a details page open side by side for `seconds`, counted from 5 s after each became
 * ready so that the probe every page makes on arrival is left out.
 */
const probeFigures = async (
  browser: Browser,
  shell: ShellServer,
  seconds: number,
): Promise<Figure[]> => {
  seedCluster(shell, 200, 'project-admin');
  const list = await visit(browser, shell, pageSpec('list'), 200);
  const details = await visit(browser, shell, pageSpec('details'), 200);
  const from = Date.now() + 5000;
  await list.page.waitForTimeout(5000 + seconds * 1000);
  const to = Date.now();
  const counted = (traffic: Traffic) =>
    traffic.requests.filter((r) => isProbe(r.url) && r.at >= from && r.at <= to);
  const perMinute = (traffic: Traffic) =>
    Math.round(((counted(traffic).length * 60) / seconds) * 10) / 10;
  const services = new Set(
    // One Service is one cache, whichever devpi endpoint (`/+api`, `/+status`) was asked.
    details.traffic.requests
      .filter((r) => isProbe(r.url))
      .map((r) => new URL(r.url).pathname.split('/proxy/')[0]),
  );
  const figures: Figure[] = [
    {
      name: 'probes: list with 200 caches, per minute',
      value: perMinute(list.traffic),
      unit: 'per minute',
      budget: 0,
    },
    {
      name: 'probes: details with 200 caches, per minute',
      value: perMinute(details.traffic),
      unit: 'per minute',
      budget: 3,
      budgetNote: 'one cache: /+api every 30 s, /+status every 60 s',
    },
    {
      name: 'probes: details with 200 caches, caches probed',
      value: services.size,
      unit: 'caches',
      budget: 1,
    },
  ];
  await list.context.close();
  await details.context.close();
  return figures;
};

/**
 * Probes of the cluster Overview's PipCache card with 200 caches: the page opens with the
 * browser's clock under Playwright's control, then `minutes` minutes are fast-forwarded one at a
 * time. The card probes only the rows it shows, at most once a minute each and at most 4 at
 * once, so every figure is bounded by the rows shown, not by the 200 caches.
 */
export const cardProbeFigures = async (
  browser: Browser,
  shell: ShellServer,
  minutes = 3,
): Promise<Figure[]> => {
  const count = 200;
  seedCluster(shell, count, 'cluster-admin');
  let inFlight = 0;
  let maxInFlight = 0;
  const card = await visit(browser, shell, pageSpec('cluster-tab'), count, {
    beforeLoad: async (page) => {
      await page.clock.install();
      page.on('request', (request) => {
        if (!isProbe(request.url())) return;
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
      });
      const done = (request: { url: () => string }) => {
        if (isProbe(request.url())) inFlight -= 1;
      };
      page.on('requestfinished', done);
      page.on('requestfailed', done);
    },
  });
  const probes = () => card.traffic.requests.filter((r) => isProbe(r.url));
  await settle(card.page, card.traffic);
  const first = probes().length;
  for (let minute = 0; minute < minutes; minute += 1) {
    await card.page.clock.fastForward(60_000);
    await settle(card.page, card.traffic, 1000);
  }
  const later = probes().length - first;
  const services = new Set(probes().map((r) => new URL(r.url).pathname.split('/proxy/')[0]));
  await card.context.close();
  const note = `rows shown: ${CARD_ROWS} of ${count}`;
  return [
    {
      name: 'probes: cluster tab with 200 caches, on arrival',
      value: first,
      unit: 'requests',
      budget: CARD_ROWS,
      budgetNote: note,
    },
    {
      name: `probes: cluster tab with 200 caches, per minute (${minutes} min)`,
      value: Math.round((later / minutes) * 10) / 10,
      unit: 'per minute',
      budget: CARD_ROWS,
      budgetNote: note,
    },
    {
      name: 'probes: cluster tab with 200 caches, caches probed',
      value: services.size,
      unit: 'caches',
      budget: CARD_ROWS,
      budgetNote: note,
    },
    {
      name: 'probes: cluster tab with 200 caches, most in flight',
      value: maxInFlight,
      unit: 'requests',
      budget: 4,
    },
  ];
};

/**
 * The requests of one create with the form's defaults, from the click on Create until the
 * details page opens: one dry run and one create per object, and whatever else the flow asks.
 */
const createFigures = async (browser: Browser, shell: ShellServer): Promise<Figure[]> => {
  seedCluster(shell, 0, 'project-admin');
  const { context, page, traffic } = await visit(browser, shell, pageSpec('create'), 0);
  await settle(page, traffic, 1000);
  const before = traffic.requests.length;
  await page.click('[data-test="pipcache-create-submit"]');
  await page.waitForURL(/\/pipcache\/ns\/demo\/pipcache$/, { timeout: 30_000 });
  const flow = traffic.requests.slice(before);
  await context.close();
  const created = RESOURCES.flatMap((type) => shell.cluster.store.list(type, NAMESPACE)).filter(
    (o) =>
      o.metadata.labels?.['app.kubernetes.io/instance'] === 'pipcache' &&
      !['Build', 'Pod'].includes(o.kind ?? ''),
  ).length;
  const isReview = (url: string) => url.includes('selfsubjectaccessreviews');
  const writes = flow.filter((r) => r.method !== 'GET' && !isReview(r.url));
  const dryRuns = writes.filter((r) => new URL(r.url).searchParams.get('dryRun') === 'All');
  return [
    { name: 'create: objects created', value: created, unit: 'objects' },
    {
      name: 'create: dry-run requests',
      value: dryRuns.length,
      unit: 'requests',
      budget: created,
      budgetNote: 'one per object',
    },
    {
      name: 'create: create requests',
      value: writes.length - dryRuns.length,
      unit: 'requests',
      budget: created,
      budgetNote: 'one per object',
    },
    {
      name: 'create: access reviews during the flow',
      value: flow.filter((r) => isReview(r.url)).length,
      unit: 'requests',
    },
    {
      name: 'create: reads during the flow',
      value: flow.filter((r) => r.method === 'GET').length,
      unit: 'requests',
    },
  ];
};

/**
 * Time from navigation start until the create form can be submitted and until the list shows
 * all of 200 caches, each the median of `runs` cold visits (fresh browser context each time).
 */
const navigationFigures = async (
  browser: Browser,
  shell: ShellServer,
  runs: number,
): Promise<Figure[]> => {
  const timings = async (key: string, count: number) => {
    const spec = pageSpec(key);
    seedCluster(shell, count, spec.user);
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const { context, readyMs } = await visit(browser, shell, spec, count);
      times.push(readyMs);
      await context.close();
    }
    return median(times);
  };
  return [
    {
      name: `time: navigation → create form ready (median of ${runs})`,
      value: await timings('create', 0),
      unit: 'ms',
    },
    {
      name: `time: navigation → list of 200 caches shown (median of ${runs})`,
      value: await timings('list', 200),
      unit: 'ms',
    },
  ];
};

/**
 * The cost of one cache changing while the list shows 200. The production build has no React
 * profiler, so the page itself measures: it notes `performance.now()`, asks the cluster's
 * control API to replace one cache's Deployment (ready ↔ not ready), and notes the time the
 * row's status attribute changes — that latency covers the cluster, the watch event and the
 * re-render. Chromium's own counter of main-thread task time (CDP `Performance.getMetrics`,
 * TaskDuration) over the change plus 500 ms shows what the re-render cost the page, and the
 * long tasks (> 50 ms) in that window show whether it blocked input.
 */
const rerenderFigures = async (
  browser: Browser,
  shell: ShellServer,
  changes: number,
  count = 200,
): Promise<Figure[]> => {
  seedCluster(shell, count, 'project-admin');
  const { context, page } = await visit(browser, shell, pageSpec('list'), count);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')
      ?.value ?? 0;
  await page.waitForTimeout(1000);
  const latencies: number[] = [];
  const busy: number[] = [];
  let longTaskMs = 0;
  const target = cacheName(Math.ceil(count / 2));
  for (let change = 0; change < changes; change += 1) {
    const deployment = cacheObjects(target, { namespace: NAMESPACE, ready: change % 2 === 1 }).find(
      (o: { kind?: string }) => o.kind === 'Deployment',
    ) as unknown;
    const before = await taskSeconds();
    const result = await page.evaluate(
      async ({ name, object }) => {
        const status = document.querySelector(
          `[data-test="pipcache-row"][data-test-name="${name}"] [data-test="pipcache-status"]`,
        );
        if (!status) throw new Error(`no row for ${name}`);
        const was = status.getAttribute('data-status');
        const start = performance.now();
        const changed = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            const now = document.querySelector(
              `[data-test="pipcache-row"][data-test-name="${name}"] [data-test="pipcache-status"]`,
            );
            if (now && now.getAttribute('data-status') !== was) {
              observer.disconnect();
              resolve(performance.now());
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        });
        await fetch('/__cluster/objects', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ objects: [object] }),
        });
        const end = await changed;
        return { start, end };
      },
      { name: target, object: deployment },
    );
    await page.waitForTimeout(500);
    busy.push(((await taskSeconds()) - before) * 1000);
    latencies.push(result.end - result.start);
    longTaskMs += await page.evaluate(
      ({ start }) =>
        (
          window as unknown as { __bench: { longTasks: { start: number; duration: number }[] } }
        ).__bench.longTasks
          .filter((task) => task.start >= start)
          .reduce((sum, task) => sum + task.duration, 0),
      { start: result.start },
    );
  }
  await context.close();
  return [
    {
      name: `time: one of ${count} caches changes → its row updates (median of ${changes})`,
      value: median(latencies),
      unit: 'ms',
    },
    {
      name: `time: main-thread work per change, ${count} caches (median of ${changes})`,
      value: median(busy),
      unit: 'ms',
    },
    {
      name: `time: long tasks per change, ${count} caches (mean of ${changes})`,
      value: longTaskMs / changes,
      unit: 'ms',
    },
  ];
};

export interface BrowserOptions {
  port: number;
  sections: readonly Section[];
  probeSeconds: number;
  runs: number;
}

/** Starts the shell and Chromium, measures, and stops both. */
export const browserFigures = async (options: BrowserOptions): Promise<Figure[]> => {
  const shell = await startShell({ port: options.port, seed: 'demo' });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: playwrightConfig.use?.launchOptions?.args ?? [],
  });
  const wanted = (section: Section) => options.sections.includes(section);
  try {
    const figures: Figure[] = [];
    if (wanted('pages')) figures.push(...(await bundleFigures(browser)));
    if (wanted('timings')) figures.push(...(await navigationFigures(browser, shell, options.runs)));
    if (wanted('rerender'))
      for (const count of [200, 1])
        figures.push(...(await rerenderFigures(browser, shell, 6, count)));
    if (wanted('traffic')) figures.push(...(await trafficFigures(browser, shell, false)));
    if (wanted('traffic-quick')) {
      figures.push(...(await trafficFigures(browser, shell, true)));
      figures.push(...(await cardProbeFigures(browser, shell)));
    }
    if (wanted('create')) figures.push(...(await createFigures(browser, shell)));
    if (wanted('probes')) {
      figures.push(...(await probeFigures(browser, shell, options.probeSeconds)));
      figures.push(...(await cardProbeFigures(browser, shell)));
    }
    return figures;
  } finally {
    await browser.close();
    await shell.close();
  }
};
