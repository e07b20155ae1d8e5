import * as React from 'react';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { type ImageStream, accessOf, KINDS } from '../model/shared';
import {
  storageClassInfo,
  type StorageClassInfo,
  type StorageClassObject,
  usablePythonTags,
  type BuildStrategyKind,
  type ClusterFacts,
} from '../model/cache';
import { useAccessReview, useK8sWatchResource } from '../sdk/console-sdk';
import { useBuildsAvailable } from './useBuildsAvailable';

export interface FormFacts {
  facts: ClusterFacts;
  storageClasses: StorageClassInfo[];
  /** The project's default node selector (`openshift.io/node-selector`), when it has one. */
  projectNodeSelector?: string;
  loaded: boolean;
}

type StorageClass = K8sResourceCommon & StorageClassObject;

/** The tags of the python image stream; the SDK hands over no object before the first answer. */
const pythonTagsOf = (stream: ImageStream | undefined): string[] =>
  (stream?.spec?.tags ?? []).map((tag) => tag.name);

/** The project's default node selector; the SDK hands over no object before the first answer. */
const projectNodeSelector = (project: K8sResourceCommon | undefined): string | undefined =>
  project?.metadata?.annotations?.['openshift.io/node-selector'] || undefined;

/** What the cluster offers the create form: python tags, build rights, storage classes. */
export const useClusterFacts = (namespace: string): FormFacts => {
  const pythonWatch = useK8sWatchResource<ImageStream>({
    groupVersionKind: KINDS.ImageStream.gvk,
    name: 'python',
    namespace: 'openshift',
  });
  const [python, pythonLoaded] = pythonWatch;
  // The SDK types the load error as `any`: a cluster without the samples answers 404 here.
  const pythonError: unknown = pythonWatch[2];
  const [classes, classesLoaded] = useK8sWatchResource<StorageClass[]>({
    groupVersionKind: KINDS.StorageClass.gvk,
    isList: true,
  });
  // A Project, not a Namespace: project members may read their Project but not watch Namespaces.
  const [project] = useK8sWatchResource<K8sResourceCommon>({
    groupVersionKind: KINDS.Project.gvk,
    name: namespace,
  });
  const [docker, dockerChecking] = useAccessReview(
    accessOf(KINDS.Build, 'create', { namespace, subresource: 'docker' }),
  );
  const [source, sourceChecking] = useAccessReview(
    accessOf(KINDS.Build, 'create', { namespace, subresource: 'source' }),
  );
  const [buildConfigs, bcChecking] = useAccessReview(
    accessOf(KINDS.BuildConfig, 'create', { namespace }),
  );

  const buildsAvailable = useBuildsAvailable();

  return React.useMemo(() => {
    const pythonMissing = Boolean(pythonError);
    const tags = pythonMissing ? [] : pythonTagsOf(python);
    const strategies: BuildStrategyKind[] = [
      ...(docker ? (['docker'] as const) : []),
      ...(source ? (['s2i'] as const) : []),
    ];
    return {
      facts: {
        pythonTags: usablePythonTags(tags),
        allowedStrategies: strategies,
        // Without the Build capability only an existing image is possible.
        canBuild: buildConfigs && buildsAvailable,
      },
      storageClasses: (classesLoaded ? classes : []).map(storageClassInfo),
      projectNodeSelector: projectNodeSelector(project),
      loaded: (pythonLoaded || pythonMissing) && !dockerChecking && !sourceChecking && !bcChecking,
    };
  }, [
    python,
    pythonLoaded,
    pythonError,
    classes,
    classesLoaded,
    project,
    docker,
    source,
    buildConfigs,
    buildsAvailable,
    dockerChecking,
    sourceChecking,
    bcChecking,
  ]);
};
