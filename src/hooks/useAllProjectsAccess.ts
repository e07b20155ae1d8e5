import * as React from 'react';
import { listProjectNames } from '../api/projects';
import { useAccessReview } from '../sdk/console-sdk';
import { accessOf, KINDS } from '../model/shared';

/** Whether the list may show every project, and if not, the project it shows instead. */
export interface AllProjectsAccess {
  /** Still asking the API server. */
  checking: boolean;
  /** The user may list caches (Deployments) in every project. */
  clusterWide: boolean;
  /** When not: the project shown instead (the first the user may see), if there is one. */
  project?: string;
}

/**
 * For "All projects": asks whether the user may list Deployments cluster-wide; when not, finds
 * a project they may see, so that the page shows that project instead of a refusal.
 */
export const useAllProjectsAccess = (allProjects: boolean): AllProjectsAccess => {
  const [allowed, checking] = useAccessReview(accessOf(KINDS.Deployment, 'list'));
  const limited = allProjects && !checking && !allowed;
  const [projects, setProjects] = React.useState<string[]>();
  React.useEffect(() => {
    if (!limited) return undefined;
    let active = true;
    listProjectNames()
      .then((names) => active && setProjects(names))
      .catch(() => active && setProjects([]));
    return () => {
      active = false;
    };
  }, [limited]);
  return {
    checking: allProjects && (checking || (limited && projects === undefined)),
    clusterWide: !limited,
    project: limited ? projects?.[0] : undefined,
  };
};
