/** The console's key for "All projects" as the active namespace (`isAllNamespacesKey` is 4.20+). */
export const ALL_NAMESPACES_KEY = '#ALL_NS#';

/** URL of the list page for a project, or for all projects. */
export const listPagePath = (namespace: string | undefined): string =>
  !namespace || namespace === ALL_NAMESPACES_KEY
    ? '/pipcache/all-namespaces'
    : `/pipcache/ns/${encodeURIComponent(namespace)}`;

/** URL of the create form in a project. */
export const createPagePath = (namespace: string): string =>
  `/pipcache/ns/${encodeURIComponent(namespace)}/~new`;

/** URL of a cache's details page. */
export const detailsPagePath = (namespace: string, name: string): string =>
  `/pipcache/ns/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
