import * as React from 'react';

let cache: Promise<string[]> | undefined;

/** Loads the projects the user may see, once per page load (the shell's project list). */
export const loadProjects = (): Promise<string[]> => {
  cache ??= fetch('/api/kubernetes/apis/project.openshift.io/v1/projects', {
    credentials: 'same-origin',
  })
    .then((response) =>
      response.ok
        ? (response.json() as Promise<{ items: { metadata: { name: string } }[] }>)
        : { items: [] },
    )
    .then((list) => list.items.map((item) => item.metadata.name).sort());
  return cache;
};

/** The projects the user may see. */
export const useProjects = (): string[] => {
  const [projects, setProjects] = React.useState<string[]>([]);
  React.useEffect(() => {
    let active = true;
    void loadProjects().then((names) => active && setProjects(names));
    return () => {
      active = false;
    };
  }, []);
  return projects;
};
