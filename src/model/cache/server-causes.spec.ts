import { formFieldForCause } from './server-causes';

describe('formFieldForCause', () => {
  it.each([
    ['Service', 'metadata.name', 'name'],
    ['Route', 'spec.host', 'route.host'],
    ['PersistentVolumeClaim', 'spec.resources.requests.storage', 'storage.size'],
    [
      'Deployment',
      'spec.template.spec.containers[0].resources.limits.memory',
      'resources.memoryLimit',
    ],
    ['BuildConfig', 'spec.nodeSelector', 'placement.build'],
    ['Deployment', 'spec.template.spec.nodeSelector', 'placement.pods'],
    ['Secret', 'metadata.labels', 'labels'],
  ])('%s %s → %s', (kind, field, expected) => {
    expect(formFieldForCause(kind, field)).toBe(expected);
  });

  it('leaves causes it cannot place to the alert', () => {
    expect(formFieldForCause('Service', 'spec.ports[0].port')).toBeUndefined();
    expect(formFieldForCause('Route', undefined)).toBeUndefined();
  });
});
