import { textAt, withText, type TextPath } from './value-paths';
import { defaultValues } from './values';

describe('value paths', () => {
  const values = defaultValues();

  it('reads a top-level field and a field of a group', () => {
    expect(textAt({ ...values, name: 'cache' }, 'name')).toBe('cache');
    expect(
      textAt(
        { ...values, resources: { ...values.resources, memoryLimit: '2Gi' } },
        'resources.memoryLimit',
      ),
    ).toBe('2Gi');
  });

  it('sets one field and keeps every other, without changing the values it was given', () => {
    const next = withText(values, 'devpi.upstreamUrl', 'https://nexus.example.com/simple/');
    expect(next.devpi).toEqual({
      ...values.devpi,
      upstreamUrl: 'https://nexus.example.com/simple/',
    });
    expect(next.resources).toBe(values.resources);
    expect(values.devpi.upstreamUrl).toBe('');
    expect(withText(values, 'applicationGroup', 'tools').applicationGroup).toBe('tools');
  });

  it('reads back what it set, for every kind of path', () => {
    const paths: TextPath[] = [
      'name',
      'storage.size',
      'image.gitRef',
      'route.allowedCidrs',
      'proxy.noProxy',
    ];
    for (const path of paths) expect(textAt(withText(values, path, 'x'), path)).toBe('x');
  });

  it('has no path for a choice, a flag or a list', () => {
    // @ts-expect-error: the storage kind is a choice of two, not free text.
    const kind: TextPath = 'storage.kind';
    // @ts-expect-error: offline is a flag.
    const offline: TextPath = 'devpi.offline';
    // @ts-expect-error: labels are rows.
    const labels: TextPath = 'labels';
    expect([kind, offline, labels]).toHaveLength(3);
  });
});
