/**
 * The plugin's web server as a cluster runs it: Debian's nginx with the chart's own
 * `nginx.conf` (from its ConfigMap), over TLS with a certificate made here by openssl, serving
 * a copy of a `dist/` folder from a temporary directory that `stop` removes. The local console
 * shell proxies `/api/plugins/pipcache-plugin/` and `/locales/resource.json` to it, and
 * integration-tests/static/nginx.spec.ts checks its headers.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { hasOpenssl, makeSelfSignedCert } from '../self-signed-cert';

const root = path.resolve(__dirname, '../..');
/** nginx's path (`NGINX_BIN`, else Debian's): /usr/sbin is not on every user's PATH. */
const nginxBin = (): string =>
  process.env.NGINX_BIN ?? (fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');
const nginxRuns = (): boolean => !spawnSync(nginxBin(), ['-v'], { stdio: 'ignore' }).error;
/** Whether nginx and openssl are there to run the chart's nginx.conf over TLS. */
export const hasNginx = hasOpenssl && nginxRuns();

/**
 * What keeps the chart's nginx.conf from running here, now: `nginx` (with where it was looked
 * for) and `openssl`, each with its Debian package; empty when both are there.
 */
export const nginxMissing = (): { what: string; debianPackage: string }[] => [
  ...(nginxRuns() ? [] : [{ what: `nginx (${nginxBin()})`, debianPackage: 'nginx-light' }]),
  ...(hasOpenssl ? [] : [{ what: 'openssl', debianPackage: 'openssl' }]),
];

/**
 * The `nginx.conf` block of the chart's ConfigMap with the pod's paths pointed into `dir`
 * (pid, temporary files, certificate) and `www` (the served files), listening on
 * 127.0.0.1:`port` only (the pod's IPv6 listener is dropped). Nothing else is changed.
 */
export const renderChartNginxConf = ({
  port,
  dir,
  www,
}: {
  port: number;
  dir: string;
  www: string;
}): string => {
  const template = fs.readFileSync(
    path.join(root, 'charts/pipcache-plugin/templates/configmap.yaml'),
    'utf8',
  );
  const start = template.indexOf('nginx.conf: |');
  if (start < 0) throw new Error('the chart has no nginx.conf in its ConfigMap');
  return template
    .slice(start + 'nginx.conf: |'.length)
    .split('\n')
    .map((line) => line.replace(/^ {4}/, ''))
    .join('\n')
    .replace(/listen \[::\]:\{\{ \.Values\.plugin\.port \}\} ssl;\n\s*/, '')
    .replace(/listen \{\{ \.Values\.plugin\.port \}\} ssl;/, `listen 127.0.0.1:${port} ssl;`)
    .replace(/\/tmp\//g, `${dir}/`)
    .replace(/\/var\/cert\//g, `${dir}/`)
    .replace('/opt/app-root/src', www);
};

export interface PluginNginx {
  /** Its https address, such as `https://127.0.0.1:10123`. */
  url: string;
  /** The certificate it serves, the only one a client should trust for it (as the service CA). */
  ca: Buffer;
  /** Whether nginx is running now. */
  running: () => boolean;
  /** Stops nginx (a plugin pod that went away); `start` runs it again with the same files. */
  stopServing: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops nginx and removes the temporary directory. */
  stop: () => Promise<void>;
}

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

/** Lets everyone read the files and enter the folders under `dir` (a copy keeps its source's modes). */
const readableByAll = (dir: string): void => {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) readableByAll(file);
    else fs.chmodSync(file, 0o644);
  }
};

/** A port nothing listens on now. */
export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });

/**
 * Starts nginx with the chart's nginx.conf on 127.0.0.1:`port` (0: a free one), serving a copy
 * of `dist`. Fails with a message that names the Debian package when nginx or openssl is
 * missing, and with nginx's own words when it cannot start (a port in use, say).
 */
export const startPluginNginx = async ({
  dist,
  port = 0,
}: {
  dist: string;
  port?: number;
}): Promise<PluginNginx> => {
  if (!hasOpenssl)
    throw new Error('openssl is missing: install it (Debian: apt-get install openssl).');
  if (!nginxRuns())
    throw new Error(
      `nginx is missing (looked for ${nginxBin()}): the console shell serves the plugin with the chart's nginx.conf in nginx. Install it (Debian: apt-get install nginx-light).`,
    );
  const listenPort = port === 0 ? await freePort() : port;
  // Something else answering on the port would pass for nginx below: refuse it first.
  if (await accepts(listenPort))
    throw new Error(
      `Port ${listenPort} (the plugin's nginx) is in use: stop what listens there or set PLUGIN_PORT.`,
    );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipcache-nginx-'));
  let child: ChildProcess | undefined;
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    // Run as root (a CI container), nginx's workers are `nobody`: they must read the files,
    // wherever the checkout is; a copy also keeps a rebuild from changing a running server.
    fs.chmodSync(dir, 0o755);
    const www = path.join(dir, 'www');
    fs.cpSync(dist, www, { recursive: true });
    readableByAll(www);
    makeSelfSignedCert(path.join(dir, 'tls.crt'), path.join(dir, 'tls.key'));
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      renderChartNginxConf({ port: listenPort, dir, www }),
    );
  } catch (error) {
    removeDir();
    throw error;
  }
  const ca = fs.readFileSync(path.join(dir, 'tls.crt'));

  const start = async (): Promise<void> => {
    if (child) return;
    // The chart logs to /dev/stdout and /dev/stderr, which nginx opens by name: that fails
    // on a socket (what Node's and Playwright's pipes are), so they are files here. The
    // access log would drown the shell's output; the error log is read when nginx fails.
    const errorLog = path.join(dir, 'error.log');
    const stderrFd = fs.openSync(errorLog, 'a');
    const started = spawn(
      nginxBin(),
      ['-e', 'stderr', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'],
      { stdio: ['ignore', 'ignore', stderrFd] },
    );
    fs.closeSync(stderrFd);
    child = started;
    started.on('exit', () => {
      if (child === started) child = undefined;
    });
    const alive = () => started.exitCode === null && started.signalCode === null;
    for (let i = 0; i < 100 && alive(); i += 1) {
      if (await accepts(listenPort)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child = undefined;
    started.kill('SIGKILL');
    const said = fs.readFileSync(errorLog, 'utf8').trim();
    throw new Error(`nginx did not start on 127.0.0.1:${listenPort}${said ? `: ${said}` : ''}`);
  };
  const stopServing = async (): Promise<void> => {
    const running = child;
    if (!running) return;
    child = undefined;
    // SIGTERM is nginx's fast shutdown: the master stops its workers, then exits.
    if (running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  try {
    await start();
  } catch (error) {
    removeDir();
    throw error;
  }
  return {
    url: `https://127.0.0.1:${listenPort}`,
    ca,
    running: () => child !== undefined,
    stopServing,
    start,
    stop: async () => {
      await stopServing();
      removeDir();
    },
  };
};
