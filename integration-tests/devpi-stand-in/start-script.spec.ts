import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import type { Deployment, Secret } from '../../src/model/shared';
import {
  buildManifests,
  managedIndexSettings,
  defaultValues,
  type PipCacheValues,
} from '../../src/model/cache';
import { seededRandom } from '../../src/test-support/test-utils';

// The generated start script, run as a container runs it: real bash with exactly the
// Deployment's environment (Secret values resolved; nothing inherited, as `env -i`), default
// signal dispositions (node's spawn resets them), a temp dir as the data and /tmp volumes, and
// the stand-ins of devpi-init and devpi-server in this folder (devpi.mjs says what they share
// with devpi-server 6.19.1). Every run is killed at chosen steps, stopped with SIGTERM and
// started again, while a sampler reads every process's argv for the passwords.

jest.setTimeout(120_000);

const STAND_IN = __dirname;
const ROOT_PASSWORD = 'RootPw7Qx2mZr9LkVb3NcT5dWy8HsJ4fG';
const UPSTREAM_USER = 'nexus-robot';
const UPSTREAM_PASSWORD = 'UpstreamPw-5fT9qLx2';
const UPSTREAM = 'https://nexus.example.com/repository/pypi/simple/';
const SECRETS = [ROOT_PASSWORD, UPSTREAM_PASSWORD];

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every process's argv, read from /proc; the leaks found so far are kept in `found`. */
class ArgvSampler {
  readonly found = new Set<string>();
  samples = 0;
  private timer?: ReturnType<typeof setInterval>;
  start(): void {
    this.timer = setInterval(() => {
      this.sample();
    }, 10);
  }
  stop(): void {
    clearInterval(this.timer);
  }
  sample(): void {
    this.samples += 1;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let argv: string;
      try {
        argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      for (const secret of SECRETS) {
        if (argv.includes(secret)) this.found.add(argv.split('\0').join(' ').slice(0, 200));
      }
    }
  }
}

interface Cache {
  dir: string;
  port: number;
  events: string;
  serverdir: string;
  tmp: string;
}

const newCache = async (): Promise<Cache> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipcache-start-'));
  fs.mkdirSync(path.join(dir, 'tmp'));
  return {
    dir,
    port: await freePort(),
    events: path.join(dir, 'events'),
    serverdir: path.join(dir, 'data', 'server'),
    tmp: path.join(dir, 'tmp'),
  };
};

const valuesFor = (cache: Cache, devpi: Partial<PipCacheValues['devpi']> = {}): PipCacheValues => {
  const values = defaultValues();
  return {
    ...values,
    storage: { ...values.storage, dataPath: path.join(cache.dir, 'data') },
    devpi: { ...values.devpi, ...devpi },
  };
};

const WITH_UPSTREAM: Partial<PipCacheValues['devpi']> = {
  upstreamUrl: UPSTREAM,
  upstreamUsername: UPSTREAM_USER,
  upstreamPassword: UPSTREAM_PASSWORD,
  cacheExpiry: '600',
  offline: true,
};

/** The devpi container's command and environment, as the kubelet would give them. */
const container = (values: PipCacheValues) => {
  const planned = buildManifests(values, 'demo', seededRandom(), {
    pluginVersion: 'test',
    rendering: 'create',
    secrets: { rootPassword: ROOT_PASSWORD, webhookSecret: 'unused' },
  }).map((p) => p.object);
  const deployment = planned.find((o): o is Deployment => o.kind === 'Deployment');
  const secrets = planned.filter((o): o is Secret => o.kind === 'Secret');
  const spec = deployment?.spec?.template.spec?.containers.find((c) => c.name === 'devpi');
  if (!spec?.command) throw new Error('no devpi container');
  const env: Record<string, string> = {};
  for (const entry of spec.env ?? []) {
    const ref = entry.valueFrom?.secretKeyRef;
    if (ref) {
      const secret = secrets.find((s) => s.metadata?.name === ref.name);
      const value = secret?.stringData?.[ref.key];
      if (value !== undefined) env[entry.name] = value;
      else if (!ref.optional) throw new Error(`missing secret key ${ref.name}/${ref.key}`);
    } else {
      env[entry.name] = entry.value ?? '';
    }
  }
  return { command: spec.command, env };
};

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the container's command; its process group stands for the container. */
const start = (
  cache: Cache,
  values: PipCacheValues,
  extraEnv: Record<string, string> = {},
  // The image's `/bin/sh`: bash on the UBI Python images, dash on Debian-based ones.
  shell: 'bash' | 'dash' = 'bash',
): Run => {
  const { command, env } = container(values);
  const [binSh, flag, script] = command;
  expect([binSh, flag]).toEqual(['/bin/sh', '-c']);
  const chunks: Buffer[] = [];
  const child = spawn(shell, ['-c', script ?? ''], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      // What the image and the volumes provide: tools on PATH, an emptyDir for /tmp, and a
      // free port (devpi's own variable, which the Deployment leaves unset: 8080).
      PATH: `${STAND_IN}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      TMPDIR: cache.tmp,
      HOME: cache.tmp,
      DEVPISERVER_PORT: String(cache.port),
      STANDIN_EVENTS: cache.events,
      ...extraEnv,
    },
  });
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve(signal ? 128 : code);
    });
  });
  return { child, output: () => Buffer.concat(chunks).toString('utf8'), exited };
};

const groupAlive = (pid: number): boolean => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Waits until no process of the run's group is left; false after `ms`. */
const groupGone = async (run: Run, ms: number): Promise<boolean> => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!groupAlive(run.child.pid ?? 0)) return true;
    await sleep(20);
  }
  return false;
};

/** Kills the whole container at once (OOM, eviction, node loss). */
const killAll = async (run: Run): Promise<void> => {
  try {
    process.kill(-(run.child.pid ?? 0), 'SIGKILL');
  } catch {
    // already gone
  }
  await run.exited;
  expect(await groupGone(run, 5000)).toBe(true);
};

const waitFor = async (what: () => boolean, run: Run, label: string, ms = 20_000) => {
  const deadline = Date.now() + ms;
  const state = { gone: false };
  void run.exited.then(() => (state.gone = true));
  while (Date.now() < deadline) {
    if (what()) return;
    if (state.gone) {
      await sleep(50);
      if (what()) return;
      throw new Error(`the start exited before ${label}:\n${run.output()}`);
    }
    await sleep(20);
  }
  throw new Error(`no ${label} within ${ms} ms:\n${run.output()}`);
};

const events = (cache: Cache): string[] =>
  fs.existsSync(cache.events) ? fs.readFileSync(cache.events, 'utf8').split('\n') : [];

const APPLIED = 'pipcache: index settings applied';
const ready = (run: Run) => waitFor(() => run.output().includes(APPLIED), run, 'applied settings');

const request = (cache: Cache, pathname: string): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: cache.port, path: pathname }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
      })
      .on('error', reject);
  });

const indexConfig = async (cache: Cache): Promise<Record<string, unknown>> => {
  const answer = await request(cache, '/root/pypi?no_projects=');
  expect(answer.status).toBe(200);
  return (JSON.parse(answer.body) as { result: Record<string, unknown> }).result;
};

/** SIGTERM to the container's first process, as the kubelet sends it; the time until all are gone. */
const terminate = async (run: Run): Promise<number> => {
  const began = Date.now();
  process.kill(run.child.pid ?? 0, 'SIGTERM');
  const gone = await groupGone(run, 15_000);
  const took = Date.now() - began;
  if (process.env.STOP_TIMES) fs.appendFileSync(process.env.STOP_TIMES, `${took}\n`);
  if (!gone) await killAll(run);
  return gone ? took : Infinity;
};

const nodeUuid = (cache: Cache): string =>
  (JSON.parse(fs.readFileSync(path.join(cache.serverdir, '.nodeinfo'), 'utf8')) as { uuid: string })
    .uuid;

const expectNoSecrets = (text: string) => {
  for (const secret of [...SECRETS, UPSTREAM_USER]) expect(text).not.toContain(secret);
};

// The script's own steps run Python (every devpi image has it) and the stand-ins keep devpi's
// sqlite file through Python's sqlite3. python3 is not a prerequisite of `npm test` (Chromium is
// the only one), so without it these tests are reported as skipped; .ci/run installs it.
const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });

(python.error ? describe.skip : describe)(
  'the start script, run as a container runs it against devpi stand-ins',
  () => {
    const sampler = new ArgvSampler();
    const runs: Run[] = [];
    const caches: Cache[] = [];
    const track = (run: Run) => {
      runs.push(run);
      return run;
    };
    const cache = async () => {
      const made = await newCache();
      caches.push(made);
      return made;
    };

    beforeAll(() => {
      sampler.start();
    });
    afterEach(async () => {
      for (const run of runs.splice(0)) if (groupAlive(run.child.pid ?? 0)) await killAll(run);
    });
    afterAll(() => {
      sampler.stop();
      for (const made of caches) fs.rmSync(made.dir, { recursive: true, force: true });
      // Every process's argv was read all along: no password was ever in one.
      expect(sampler.samples).toBeGreaterThan(100);
      expect([...sampler.found]).toEqual([]);
    });

    it('initialises devpi, applies the settings, and keeps the passwords out of argv, logs and the public config', async () => {
      const c = await cache();
      const run = track(start(c, valuesFor(c, WITH_UPSTREAM)));
      await ready(run);
      const config = await indexConfig(c);
      expect(config).toMatchObject(
        managedIndexSettings({ upstreamUrl: UPSTREAM, cacheExpiry: '600' }),
      );
      expectNoSecrets(JSON.stringify(config));
      // Offline with an upstream without a project list: an unknown project is 502, as in devpi.
      expect((await request(c, '/root/pypi/+simple/no-such-project/')).status).toBe(502);
      expect(fs.existsSync(path.join(c.serverdir, '.pipcache-initialised'))).toBe(true);
      expect(await terminate(run)).toBeLessThan(10_000);
      expectNoSecrets(run.output());
    });

    it.each([
      ['while devpi-init starts', 'init:start'],
      ['during devpi-init, after .nodeinfo and before the root user is committed', 'init:nodeinfo'],
      ['right after devpi-init committed', 'init:done'],
      ['while devpi-server starts, before the settings', 'server:listening'],
    ])('stops within 10 seconds on SIGTERM %s', async (_when, step) => {
      const c = await cache();
      const run = track(start(c, valuesFor(c, WITH_UPSTREAM), { STANDIN_INIT_MS: '3000' }));
      await waitFor(() => events(c).includes(step), run, step);
      expect(await terminate(run)).toBeLessThan(10_000);
    });

    // dash, the /bin/sh of Debian-based images, keeps SIGINT ignored in a background job even
    // after `trap - INT`; devpi would then stop only on SIGKILL. Run where dash is installed.
    const shells = (['bash', 'dash'] as const).filter(
      (name) => !spawnSync(name, ['-c', 'true']).error,
    );
    it.each(shells)(
      'stops devpi cleanly (SIGINT) within 10 seconds of SIGTERM once it serves, under %s',
      async (shell) => {
        const c = await cache();
        const run = track(start(c, valuesFor(c), {}, shell));
        await ready(run);
        expect(await terminate(run)).toBeLessThan(10_000);
        expect(run.output()).toContain('Received SIGINT, shutting down');
      },
    );

    it.each([
      ['at once', ''],
      ['while devpi-init starts', 'init:start'],
      ['during devpi-init, after .nodeinfo and before the root user is committed', 'init:nodeinfo'],
      ['right after devpi-init committed', 'init:done'],
      ['while devpi-server starts, before the settings', 'server:listening'],
      ['right after the settings were applied', 'server:patched'],
    ])(
      'recovers on the next start after a kill %s, never wiping an initialised server',
      async (_when, step) => {
        const c = await cache();
        const values = valuesFor(c, WITH_UPSTREAM);
        const first = track(start(c, values));
        if (step) await waitFor(() => events(c).includes(step), first, step);
        await killAll(first);
        const committed = events(c).includes('init:done');
        const uuid = committed ? nodeUuid(c) : undefined;

        const second = track(start(c, values));
        await ready(second);
        expect(await indexConfig(c)).toMatchObject(
          managedIndexSettings({ upstreamUrl: UPSTREAM, cacheExpiry: '600' }),
        );
        // An initialised server directory (one with a commit) is kept, never initialised again.
        if (uuid) expect(nodeUuid(c)).toBe(uuid);
        expect(await terminate(second)).toBeLessThan(10_000);
        expectNoSecrets(first.output() + second.output());
      },
    );

    it.each([
      ['the upstream', { upstreamUrl: '', upstreamUsername: '', upstreamPassword: '' }],
      ['the cache expiry', { cacheExpiry: '' }],
      ['offline mode', { offline: false }],
    ])(
      'applies a cleared setting (%s) at the next start, defaults included',
      async (_name, cleared) => {
        const c = await cache();
        const before = { ...WITH_UPSTREAM };
        const first = track(start(c, valuesFor(c, before)));
        await ready(first);
        await killAll(first);

        const after = { ...before, ...cleared };
        const second = track(start(c, valuesFor(c, after)));
        await ready(second);
        const config = await indexConfig(c);
        expect(config).toMatchObject(
          managedIndexSettings({
            upstreamUrl: after.upstreamUrl ?? '',
            cacheExpiry: after.cacheExpiry ?? '',
          }),
        );
        const unknown = await request(c, '/root/pypi/+simple/no-such-project/');
        expect(unknown.status).toBe(after.offline && after.upstreamUrl ? 502 : 404);
        expect(await terminate(second)).toBeLessThan(10_000);
      },
    );

    it('repairs a cache of the previous version: credentials leave mirror_url, settings reset, nothing wiped', async () => {
      const c = await cache();
      // What the previous start script left: an initialised directory (no mark of ours) whose
      // index holds the upstream password in mirror_url and an expiry since cleared.
      const init = spawnSync(path.join(STAND_IN, 'devpi-init'), ['--serverdir', c.serverdir], {
        env: { ...process.env, DEVPISERVER_ROOT_PASSWD: ROOT_PASSWORD, STANDIN_INIT_MS: '0' },
        encoding: 'utf8',
      });
      expect(init.status).toBe(0);
      const leaked = `https://${UPSTREAM_USER}:${UPSTREAM_PASSWORD}@nexus.example.com/repository/pypi/simple/`;
      const state = {
        users: {
          root: createHash('sha256').update(ROOT_PASSWORD).digest('hex'),
        },
        index: { type: 'mirror', title: 'PyPI', mirror_url: leaked, mirror_cache_expiry: 600 },
      };
      const commit = spawnSync(
        'python3',
        [
          '-c',
          'import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); db.execute("INSERT INTO changelog (serial, data) VALUES (1, ?)", (sys.stdin.read(),)); db.commit()',
          path.join(c.serverdir, '.sqlite'),
        ],
        { input: JSON.stringify(state), encoding: 'utf8' },
      );
      expect(commit.status).toBe(0);
      const uuid = nodeUuid(c);

      const run = track(
        start(
          c,
          valuesFor(c, {
            upstreamUrl: UPSTREAM,
            upstreamUsername: UPSTREAM_USER,
            upstreamPassword: UPSTREAM_PASSWORD,
          }),
        ),
      );
      await ready(run);
      const config = await indexConfig(c);
      expect(config).toMatchObject(
        managedIndexSettings({ upstreamUrl: UPSTREAM, cacheExpiry: '' }),
      );
      expectNoSecrets(JSON.stringify(config));
      expect(nodeUuid(c)).toBe(uuid);
      expect(await terminate(run)).toBeLessThan(10_000);
    });

    it('provides a devpi plugin, found by its devpi_server entry point, that answers mirror auth for the upstream only', async () => {
      const c = await cache();
      const run = track(start(c, valuesFor(c, WITH_UPSTREAM)));
      await ready(run);
      await killAll(run);
      const pluginDir = path.join(c.tmp, 'pipcache-devpi-plugin');
      // devpi brings pluggy; where this machine's Python lacks it, a stand-in of its marker
      // (pluggy sets `<project>_impl` on the function) takes its place.
      const pythonPath = [pluginDir];
      if (spawnSync('python3', ['-c', 'import pluggy']).status !== 0) {
        const stub = path.join(c.dir, 'pluggy-stub');
        fs.mkdirSync(stub);
        fs.writeFileSync(
          path.join(stub, 'pluggy.py'),
          [
            'class HookimplMarker:',
            '    def __init__(self, name):',
            '        self.name = name',
            '    def __call__(self, function=None, **opts):',
            '        def mark(f):',
            '            setattr(f, self.name + "_impl", opts)',
            '            return f',
            '        return mark(function) if function else mark',
            '',
          ].join('\n'),
        );
        pythonPath.push(stub);
      }
      const probe = [
        'import importlib.metadata as m, json, sys',
        'eps = m.entry_points()',
        'eps = eps.select(group="devpi_server") if hasattr(eps, "select") else eps.get("devpi_server", [])',
        'plugin = [ep for ep in eps if ep.name == "pipcache_devpi_auth"][0].load()',
        'hook = plugin.devpiserver_get_mirror_auth',
        'print(json.dumps({"marked": getattr(hook, "devpiserver_impl", {}).get("optionalhook", False),',
        '  "same": hook(mirror_url=sys.argv[1], www_authenticate_header="Basic"),',
        '  "other": hook(mirror_url="https://evil.example.com/simple/", www_authenticate_header="Basic"),',
        '  "port": hook(mirror_url="https://nexus.example.com:8443/simple/", www_authenticate_header="")}))',
      ].join('\n');
      const { env } = container(valuesFor(c, WITH_UPSTREAM));
      const result = spawnSync('python3', ['-c', probe, `${UPSTREAM}project/`], {
        env: { ...env, PATH: process.env.PATH, PYTHONPATH: pythonPath.join(':') },
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      const answer = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(answer).toEqual({
        marked: true,
        same: `Basic ${Buffer.from(`${UPSTREAM_USER}:${UPSTREAM_PASSWORD}`).toString('base64')}`,
        other: null,
        port: null,
      });
    });
  },
);

// shellcheck is not a prerequisite of `npm test`; .ci/run installs it, so CI always runs this.
const shellcheck = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' });
(shellcheck.error ? it.skip : it)('the start script passes shellcheck as POSIX sh', () => {
  const { command } = container(defaultValues());
  const result = spawnSync('shellcheck', ['-s', 'sh', '-'], {
    input: command[2] ?? '',
    encoding: 'utf8',
  });
  expect(result.stdout).toBe('');
  expect(result.status).toBe(0);
});
