import { trustedHostFor } from '../shared';

/** The ways to point a Python client at a cache, by name. */
export type SnippetKind =
  'pip-env' | 'pip-conf' | 'uv' | 'poetry' | 'pipenv' | 'requirements' | 'buildconfig-env';

export const SNIPPET_KINDS: readonly SnippetKind[] = [
  'pip-env',
  'pip-conf',
  'uv',
  'poetry',
  'pipenv',
  'requirements',
  'buildconfig-env',
];

/**
 * pip's retries per request (its default is 5). pip retries connection errors, read timeouts
 * and the statuses 500, 503, 520 and 527, sleeping 0, 0.5, 1, 2, 4 … seconds between tries: 8
 * tries ride out about a minute, the time a cache pod takes to come back after a restart, and
 * the 500 devpi answers when two builds fetch the same new file at once. (A 404 or a 502 is
 * never retried by pip; see docs/devpi-facts.md.)
 */
export const PIP_RETRIES = '8';

/** The environment entries that make pip (and the s2i builder) use an index, with retries. */
export const pipEnvEntries = (indexUrl: string): { name: string; value: string }[] => {
  const trusted = trustedHostFor(indexUrl);
  return [
    { name: 'PIP_INDEX_URL', value: indexUrl },
    // pip ignores a plain-http index unless its host is trusted: the two travel together.
    ...(trusted ? [{ name: 'PIP_TRUSTED_HOST', value: trusted }] : []),
    { name: 'PIP_RETRIES', value: PIP_RETRIES },
  ];
};

/** The text to copy for each client, for one index URL. */
export const clientSnippet = (kind: SnippetKind, indexUrl: string): string => {
  const trusted = trustedHostFor(indexUrl);
  switch (kind) {
    case 'pip-env':
      return pipEnvEntries(indexUrl)
        .map((entry) => `export ${entry.name}=${entry.value}`)
        .join('\n');
    case 'pip-conf':
      return [
        '[global]',
        `index-url = ${indexUrl}`,
        ...(trusted ? [`trusted-host = ${trusted}`] : []),
        `retries = ${PIP_RETRIES}`,
      ].join('\n');
    case 'uv':
      // uv reads neither PIP_* nor pip.conf, and talks plain http without extra settings.
      return `export UV_DEFAULT_INDEX=${indexUrl}`;
    case 'poetry':
      return `poetry source add --priority=primary pipcache ${indexUrl}`;
    case 'pipenv':
      return `export PIPENV_PYPI_MIRROR=${indexUrl}`;
    case 'requirements':
      return [`--index-url ${indexUrl}`, ...(trusted ? [`--trusted-host ${trusted}`] : [])].join(
        '\n',
      );
    case 'buildconfig-env':
      return [
        'env:',
        ...pipEnvEntries(indexUrl).flatMap((entry) => [
          `  - name: ${entry.name}`,
          `    value: ${entry.value}`,
        ]),
      ].join('\n');
  }
};
