import { pointerSegment, type PatchOperation } from '../builds';
import { ANNOTATION_VALUES, type BuildConfig, type ConfigMap, type Deployment } from '../shared';
import { defaultValues, fromValuesAnnotation, toValuesAnnotation } from '../cache';

const PIN = /devpi-server==([^"\s]+)/;

/** The devpi-server release a requirement or Dockerfile text pins, if any. */
export const pinnedVersion = (text: string | undefined): string | undefined =>
  text ? PIN.exec(text)?.[1] : undefined;

/** The same text pinning another release; everything else stays as it was. */
export const withPinnedVersion = (text: string, version: string): string =>
  text.replace(PIN, `devpi-server==${version}`);

/** Where a cache's devpi-server release is pinned, and so how an upgrade is made. */
export type UpgradePath =
  | { kind: 'dockerfile'; current?: string }
  | { kind: 'configmap'; configMap: string; current?: string }
  | { kind: 'git'; uri: string }
  | { kind: 'image' };

/** How a cache's image pins devpi-server: the inline Dockerfile, the source ConfigMap, a git repository, or none (an existing image). */
export const upgradePath = (buildConfig: BuildConfig | undefined): UpgradePath => {
  const source = buildConfig?.spec.source;
  if (!source) return { kind: 'image' };
  if (source.type === 'Dockerfile')
    return { kind: 'dockerfile', current: pinnedVersion(source.dockerfile) };
  if (source.type === 'Git') return { kind: 'git', uri: source.git?.uri ?? '' };
  const configMap = source.configMaps?.[0]?.configMap.name;
  return configMap ? { kind: 'configmap', configMap } : { kind: 'image' };
};

/** JSON Patch of the BuildConfig's inline Dockerfile, guarded by the text it read. */
export const dockerfileUpgradePatch = (
  buildConfig: BuildConfig,
  version: string,
): PatchOperation[] => {
  const text = buildConfig.spec.source.dockerfile ?? '';
  return [
    { op: 'test', path: '/spec/source/dockerfile', value: text },
    { op: 'replace', path: '/spec/source/dockerfile', value: withPinnedVersion(text, version) },
  ];
};

/** JSON Patch of the source ConfigMap's requirements.txt, guarded by the text it read. */
export const requirementsUpgradePatch = (
  configMap: ConfigMap,
  version: string,
): PatchOperation[] => {
  const text = configMap.data?.['requirements.txt'] ?? '';
  const path = `/data/${pointerSegment('requirements.txt')}`;
  return [
    { op: 'test', path, value: text },
    { op: 'replace', path, value: withPinnedVersion(text, version) },
  ];
};

/**
 * JSON Patch that records the new release in the Deployment's values annotation (so that the
 * form and later edits see it); empty when the annotation is missing or unreadable.
 */
export const valuesVersionPatch = (deployment: Deployment, version: string): PatchOperation[] => {
  const text = deployment.metadata?.annotations?.[ANNOTATION_VALUES];
  // Rebuilt from the parsed values, never copied: a damaged annotation is left as it is.
  const values = fromValuesAnnotation(text, defaultValues());
  if (!text || !values) return [];
  const next = toValuesAnnotation({ ...values, image: { ...values.image, devpiVersion: version } });
  const path = `/metadata/annotations/${pointerSegment(ANNOTATION_VALUES)}`;
  return [
    { op: 'test', path, value: text },
    { op: 'replace', path, value: next },
  ];
};
