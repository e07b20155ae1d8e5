import { editPatches } from './edit-patches';
import { ALLOW_LIST_ANNOTATION } from './edit-values';
import { needsRouteSplit } from './route-split-patches';
import {
  GENERATED_HOST,
  editBase as base,
  liveObjects as live,
  liveSchema1Objects as liveSchema1,
  withRouteSettings,
} from '../../test-support/edit-objects';

// An edit of a cache of contract schema 1 brings its Routes to schema 2 on the way. No test
// changes the values, so they share one set.
const values = base();

describe('the route split of an edit', () => {
  it('splits the route of a schema-1 cache: creates N-files on the same host first, then narrows N', () => {
    const objects = liveSchema1(values);
    // Nothing changed, yet there is something to save: the route is wider than needed.
    const patches = editPatches(objects, values, structuredClone(values));
    expect(patches.map((p) => [p.kind, p.name, p.create ? 'create' : 'patch'])).toEqual([
      ['Route', 'pipcache-files', 'create'],
      ['Route', 'pipcache', 'patch'],
      ['Deployment', 'pipcache', 'patch'],
    ]);
    const created = patches[0]!.create!;
    expect(created.spec).toMatchObject({
      host: GENERATED_HOST,
      path: '/root/pypi/+f',
      to: { kind: 'Service', name: 'pipcache' },
      tls: { termination: 'edge', insecureEdgeTerminationPolicy: 'Redirect' },
    });
    expect(created.metadata).toMatchObject({
      name: 'pipcache-files',
      namespace: 'demo',
      labels: { 'app.kubernetes.io/instance': 'pipcache', 'app.kubernetes.io/name': 'pipcache' },
    });
    expect(patches[0]!.operations).toEqual([]);
    expect(patches[1]!.operations).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '13' },
      { op: 'add', path: '/spec/path', value: '/root/pypi/+simple' },
    ]);
  });

  it('gives the created N-files the allow-list and TLS policy the edit ends with', () => {
    const requested = withRouteSettings(values, {
      insecureEdgeTermination: 'Allow',
      allowedCidrs: '10.1.0.0/16',
    });
    const [created, narrowed] = editPatches(liveSchema1(values), values, requested);
    expect(created?.create?.metadata.annotations).toEqual({
      [ALLOW_LIST_ANNOTATION]: '10.1.0.0/16',
    });
    expect(created?.create?.spec.tls?.insecureEdgeTerminationPolicy).toBe('Allow');
    expect(narrowed?.operations.map((o) => o.path)).toEqual([
      '/metadata/resourceVersion',
      '/spec/tls/insecureEdgeTerminationPolicy',
      '/metadata/annotations',
      '/spec/path',
    ]);
  });

  it('creates a missing N-files again for a narrowed route, and leaves a complete pair alone', () => {
    const objects = { ...live(values), filesRoute: undefined };
    const patches = editPatches(objects, values, structuredClone(values));
    expect(patches.map((p) => [p.name, p.create ? 'create' : 'patch'])).toEqual([
      ['pipcache-files', 'create'],
      ['pipcache', 'patch'],
    ]);
    expect(needsRouteSplit(objects)).toBe(true);
    expect(needsRouteSplit(live(values))).toBe(false);
    expect(needsRouteSplit({ deployment: live(values).deployment })).toBe(false);
  });
});
