import { applyJsonPatch } from '../../../integration-tests/cluster-api/patch';
import { buildManifests, defaultValues, type PipCacheValues } from '../cache';
import type { BuildConfig, ConfigMap, Deployment } from '../shared';
import { seededRandom } from '../../test-support/test-utils';
import {
  dockerfileUpgradePatch,
  pinnedVersion,
  requirementsUpgradePatch,
  upgradePath,
  valuesVersionPatch,
} from './upgrade';

const objects = (change: (v: PipCacheValues) => PipCacheValues) => {
  const values = change({
    ...defaultValues({
      pythonTags: ['3.12-ubi9'],
      allowedStrategies: ['docker', 's2i'],
      canBuild: true,
    }),
    name: 'c',
  });
  const planned = buildManifests(values, 'demo', seededRandom(), {
    pluginVersion: '0.1.0',
    rendering: 'create',
  }).map((p) => p.object);
  const find = <T>(kind: string) => planned.find((o) => o.kind === kind) as T | undefined;
  return {
    bc: find<BuildConfig>('BuildConfig'),
    cm: find<ConfigMap>('ConfigMap'),
    deployment: find<Deployment>('Deployment') as Deployment,
  };
};

describe('upgrading devpi-server', () => {
  it('rewrites the Dockerfile pin and nothing else', () => {
    const { bc } = objects((v) => ({ ...v, image: { ...v.image, strategy: 'docker' } }));
    if (!bc) throw new Error('no BuildConfig');
    const path = upgradePath(bc);
    expect(path).toEqual({ kind: 'dockerfile', current: '6.19.1' });
    const next = applyJsonPatch(bc, dockerfileUpgradePatch(bc, '6.20.0'));
    expect(pinnedVersion(next.spec.source.dockerfile)).toBe('6.20.0');
    expect(next.spec.source.dockerfile?.replace('6.20.0', '6.19.1')).toBe(
      bc.spec.source.dockerfile,
    );
  });

  it.each(['6.19.1b0', '6.20.0rc1', '6.19.1.post1', '6.19.1+local.1'])(
    'pins the pre-release or post-release %s and reads it back as the current pin',
    (version) => {
      const { bc } = objects((v) => ({ ...v, image: { ...v.image, strategy: 'docker' } }));
      if (!bc) throw new Error('no BuildConfig');
      const next = applyJsonPatch(bc, dockerfileUpgradePatch(bc, version));
      expect(upgradePath(next)).toEqual({ kind: 'dockerfile', current: version });
      // Pinned again over a pre-release: the whole old pin goes, not just its release part.
      const again = applyJsonPatch(next, dockerfileUpgradePatch(next, '6.19.1'));
      expect(again.spec.source.dockerfile).toBe(bc.spec.source.dockerfile);
    },
  );

  it('rewrites the requirements of an s2i build from its ConfigMap', () => {
    const { bc, cm } = objects((v) => ({ ...v, image: { ...v.image, strategy: 's2i' } }));
    if (!bc || !cm) throw new Error('no s2i objects');
    expect(upgradePath(bc)).toEqual({ kind: 'configmap', configMap: 'c-source' });
    const next = applyJsonPatch(cm, requirementsUpgradePatch(cm, '6.21.0'));
    expect(next.data?.['requirements.txt']).toBe('devpi-server==6.21.0\n');
  });

  it('cannot upgrade a git build or an existing image from here', () => {
    const git = objects((v) => ({ ...v, image: { ...v.image, source: 'git' } }));
    expect(upgradePath(git.bc).kind).toBe('git');
    const image = objects((v) => ({
      ...v,
      image: { ...v.image, source: 'image', reference: 'quay.io/x/devpi:1' },
    }));
    expect(upgradePath(image.bc)).toEqual({ kind: 'image' });
  });

  it('records the release in the values annotation, guarded', () => {
    const { deployment } = objects((v) => v);
    const next = applyJsonPatch(deployment, valuesVersionPatch(deployment, '6.20.0'));
    const values = JSON.parse(
      next.metadata?.annotations?.['pipcache-plugin/values'] ?? '{}',
    ) as PipCacheValues;
    expect(values.image.devpiVersion).toBe('6.20.0');
    expect(valuesVersionPatch({ ...deployment, metadata: { name: 'c' } }, '6.20.0')).toEqual([]);
  });
});
