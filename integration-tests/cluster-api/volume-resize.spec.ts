import { startClusterServer } from './server';

let base: string;
let close: () => Promise<void>;

const headers = { 'Content-Type': 'application/json', 'X-CSRFToken': 't', Cookie: 'csrf-token=t' };
const api = async (method: string, path: string, body?: unknown, contentType?: string) => {
  const response = await fetch(`${base}/api/kubernetes${path}`, {
    method,
    headers: contentType ? { ...headers, 'Content-Type': contentType } : headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};
const PVCS = '/api/v1/namespaces/demo/persistentvolumeclaims';
const claim = (name: string, storageClassName?: string) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name },
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '1Gi' } },
    ...(storageClassName ? { storageClassName } : {}),
  },
});
const resize = (name: string, storage: string) =>
  api(
    'PATCH',
    `${PVCS}/${name}`,
    [{ op: 'replace', path: '/spec/resources/requests/storage', value: storage }],
    'application/json-patch+json',
  );

beforeEach(async () => {
  ({ url: base, close } = await startClusterServer({ port: 0, stepMs: 10 }));
  await fetch(`${base}/__cluster/reset`, {
    method: 'POST',
    body: JSON.stringify({ seed: 'demo' }),
  });
  await fetch(`${base}/__cluster/user`, {
    method: 'POST',
    body: JSON.stringify({ user: 'project-admin' }),
  });
});
afterEach(async () => close());

describe('resizing a claim, as the API server allows it', () => {
  it('grows a claim of an expandable (default) class, and its capacity follows', async () => {
    expect((await api('POST', PVCS, claim('a-data'))).status).toBe(201);
    const grown = await resize('a-data', '3Gi');
    expect(grown.status).toBe(200);
    expect(grown.body.spec.resources.requests.storage).toBe('3Gi');
    let capacity: unknown;
    for (let i = 0; i < 100 && capacity !== '3Gi'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      capacity = (await api('GET', `${PVCS}/a-data`)).body.status?.capacity?.storage;
    }
    expect(capacity).toBe('3Gi');
  });

  it('refuses to shrink with 422 and to grow a class without expansion with 403', async () => {
    await api('POST', PVCS, claim('b-data'));
    const shrink = await resize('b-data', '512Mi');
    expect(shrink.status).toBe(422);
    expect(shrink.body.message).toContain('field can not be less than previous value');

    await api('POST', PVCS, claim('c-data', 'fast-local'));
    const grow = await resize('c-data', '2Gi');
    expect(grow.status).toBe(403);
    expect(grow.body.reason).toBe('Forbidden');
    expect(grow.body.message).toContain('storageclass that provisions the pvc must support resize');
    expect((await api('GET', `${PVCS}/c-data`)).body.spec.resources.requests.storage).toBe('1Gi');
  });
});
