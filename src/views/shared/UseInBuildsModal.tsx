import * as React from 'react';
import { Alert, Checkbox, Form, FormGroup, Label, Radio } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { toK8sErrorInfo } from '../../api/k8s-error';
import { startBuild } from '../../api/start-build';
import { applyCacheToBuildConfig } from '../../api/use-cache';
import { useBuildConfigs } from '../../hooks/useBuildConfigs';
import ActionModal from '../../components/ActionModal';
import DialogFooter from '../../components/DialogFooter';
import DialogSpinner from '../../components/DialogSpinner';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import {
  builderImageOf,
  cacheUseOf,
  isPythonBuildConfig,
  sortForCacheUse,
} from '../../model/builds';
import type { CacheInstance } from '../../model/living';
import type { BuildConfig } from '../../model/shared';
import NetworkReachAlert from './NetworkReachAlert';

interface UseInBuildsModalProps {
  cache: CacheInstance;
  /** The project whose BuildConfigs are listed (the cache's own by default). */
  namespace?: string;
  closeModal: () => void;
}

/** What happened to one BuildConfig of a bulk apply. */
type RowResult =
  | { state: 'applied'; buildStarted?: string }
  | { state: 'changed' | 'failed' | 'not-applicable'; message: string };

/**
 * From a cache's page: points several BuildConfigs of the project at the cache at once, Python
 * ones first, each with what it uses now, and reports per BuildConfig what happened.
 */
const UseInBuildsModal: React.FC<UseInBuildsModalProps> = ({ cache, namespace, closeModal }) => {
  const { t } = usePipCacheTranslation();
  const project = namespace ?? cache.namespace;
  const { buildConfigs, loaded, loadError } = useBuildConfigs(project);
  const rows = React.useMemo(
    () =>
      sortForCacheUse(
        buildConfigs.filter(
          // The cache's own image build is no client of itself.
          (bc) => !(bc.metadata.namespace === cache.namespace && bc.metadata.name === cache.name),
        ),
      ),
    [buildConfigs, cache.namespace, cache.name],
  );
  const [chosen, setChosen] = React.useState<Set<string>>(new Set());
  const [urlKind, setUrlKind] = React.useState<'internal' | 'external'>('internal');
  const [startNow, setStartNow] = React.useState(false);
  const [working, setWorking] = React.useState(false);
  const [results, setResults] = React.useState<Record<string, RowResult>>({});
  const indexUrl = urlKind === 'external' ? cache.externalUrl : cache.internalUrl;

  const toggle = (name: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });

  const applyOne = async (bc: BuildConfig, url: string): Promise<RowResult> => {
    const outcome = await applyCacheToBuildConfig(bc, cache, url);
    switch (outcome.state) {
      case 'applied':
        if (!startNow) return { state: 'applied' };
        try {
          const build = await startBuild(outcome.object);
          return { state: 'applied', buildStarted: build.metadata.name };
        } catch (error) {
          return {
            state: 'failed',
            message: t('The env was set, but the build did not start: {{message}}', {
              message: toK8sErrorInfo(error).message,
            }),
          };
        }
      case 'changed':
        return {
          state: 'changed',
          message: t('It changed meanwhile; nothing was overwritten. Review it and apply again.'),
        };
      case 'failed':
        return { state: 'failed', message: outcome.error.message };
      case 'not-applicable':
        return {
          state: 'not-applicable',
          message: t('Its {{strategy}} strategy has no environment to set.', {
            strategy: bc.spec.strategy.type,
          }),
        };
    }
  };

  const apply = async () => {
    if (working || !indexUrl) return;
    setWorking(true);
    const next: Record<string, RowResult> = {};
    // One at a time: each result is shown as it comes, and the API server sees no burst.
    for (const bc of rows) {
      const name = bc.metadata.name ?? '';
      if (!chosen.has(name)) continue;
      next[name] = await applyOne(bc, indexUrl);
      setResults({ ...next });
    }
    setWorking(false);
    // What was applied needs no second click; what failed stays chosen for a retry.
    setChosen(new Set(Object.keys(next).filter((name) => next[name]?.state !== 'applied')));
  };

  const packagesFrom = (bc: BuildConfig): string => {
    const use = cacheUseOf(bc);
    switch (use.kind) {
      case 'plugin':
        return use.cache.namespace === cache.namespace && use.cache.name === cache.name
          ? t('This cache')
          : t('Pip cache {{name}} in project {{namespace}}', use.cache);
      case 'manual':
        return t('Set by hand: {{url}}', { url: use.indexUrl });
      case 'unsupported':
        return t('{{strategy}} strategy: not supported', { strategy: use.strategy });
      default:
        return t('PyPI');
    }
  };

  const resultLabel = (result: RowResult | undefined) => {
    if (!result) return null;
    if (result.state === 'applied')
      return (
        <Label color="green" isCompact>
          {result.buildStarted
            ? t('Applied; build {{build}} started', { build: result.buildStarted })
            : t('Applied')}
        </Label>
      );
    return (
      <Label color={result.state === 'changed' ? 'orange' : 'red'} isCompact>
        {result.message}
      </Label>
    );
  };

  const failures = Object.values(results).filter((r) => r.state !== 'applied').length;
  const applied = Object.values(results).length - failures;

  let body: React.ReactNode;
  if (loadError) {
    body = (
      <Alert isInline variant="danger" title={t('Could not load the BuildConfigs of this project')}>
        {toK8sErrorInfo(loadError).message}
      </Alert>
    );
  } else if (!loaded) {
    body = <DialogSpinner label={t('Loading BuildConfigs')} />;
  } else if (rows.length === 0) {
    body = (
      <Alert
        isInline
        variant="info"
        title={t('Project {{namespace}} has no BuildConfigs yet.', { namespace: project })}
        data-test="pipcache-bulk-empty"
      >
        {t(
          'Import a Python application from Git (Add → Import from Git), then come back here, or copy the settings from the Overview tab.',
        )}
      </Alert>
    );
  } else {
    body = (
      <Form onSubmit={(event) => event.preventDefault()}>
        <FormGroup label={t('Address')} role="radiogroup" fieldId="pipcache-bulk-url" isInline>
          <Radio
            id="pipcache-bulk-url-internal"
            name="pipcache-bulk-url"
            isChecked={urlKind === 'internal'}
            onChange={() => setUrlKind('internal')}
            label={t('Service (in the cluster)')}
          />
          <Radio
            id="pipcache-bulk-url-external"
            name="pipcache-bulk-url"
            isChecked={urlKind === 'external'}
            isDisabled={!cache.externalUrl}
            onChange={() => setUrlKind('external')}
            label={t('Route')}
          />
        </FormGroup>
        <NetworkReachAlert cache={cache} clientProject={project} />
        <Table
          aria-label={t('BuildConfigs of project {{namespace}}', { namespace: project })}
          variant="compact"
        >
          <Thead>
            <Tr>
              <Th screenReaderText={t('Use the cache')} />
              <Th>{t('BuildConfig')}</Th>
              <Th>{t('Builder image')}</Th>
              <Th>{t('Packages from')}</Th>
              <Th screenReaderText={t('Result')} />
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((bc) => {
              const name = bc.metadata.name ?? '';
              const supported = cacheUseOf(bc).kind !== 'unsupported';
              return (
                <Tr key={name} data-test={`pipcache-bulk-row-${name}`}>
                  <Td
                    select={{
                      rowIndex: rows.indexOf(bc),
                      onSelect: (_event, on) => toggle(name, on),
                      isSelected: chosen.has(name),
                      isDisabled: !supported || working,
                    }}
                    data-test={`pipcache-bulk-select-${name}`}
                  />
                  <Td dataLabel={t('BuildConfig')}>
                    {name}{' '}
                    {isPythonBuildConfig(bc) && (
                      <Label isCompact color="blue">
                        {t('Python')}
                      </Label>
                    )}
                  </Td>
                  <Td dataLabel={t('Builder image')}>{builderImageOf(bc) ?? '—'}</Td>
                  <Td dataLabel={t('Packages from')} data-test={`pipcache-bulk-uses-${name}`}>
                    {packagesFrom(bc)}
                  </Td>
                  <Td data-test={`pipcache-bulk-result-${name}`}>{resultLabel(results[name])}</Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
        <Checkbox
          id="pipcache-bulk-start"
          isChecked={startNow}
          onChange={(_event, checked) => setStartNow(checked)}
          label={t('Start a build of each when applied')}
        />
        {!working && Object.keys(results).length > 0 && (
          <Alert
            isInline
            variant={failures ? 'warning' : 'success'}
            title={
              failures
                ? t(
                    'Applied: {{applied}}. Not applied: {{failures}}; they stay selected to retry.',
                    {
                      applied,
                      failures,
                    },
                  )
                : t('Done: BuildConfigs now using this cache: {{applied}}.', { applied })
            }
            data-test="pipcache-bulk-summary"
          />
        )}
      </Form>
    );
  }

  return (
    <ActionModal
      data-test="pipcache-bulk-modal"
      variant="large"
      title={t('Use {{name}} in builds', { name: cache.name })}
      description={t(
        'Each chosen BuildConfig gets PIP_INDEX_URL (with PIP_TRUSTED_HOST for http) and UV_DEFAULT_INDEX; what it had before is recorded, so that "Stop using" on its PipCache tab puts it back.',
      )}
      onClose={closeModal}
      footer={
        <DialogFooter
          action={{
            label: t('Apply ({{selected}} selected)', { selected: chosen.size }),
            onClick: apply,
            isDisabled: chosen.size === 0 || working || !indexUrl,
            isLoading: working,
            'data-test': 'pipcache-bulk-apply',
          }}
          closeLabel={Object.keys(results).length ? t('Close') : t('Cancel')}
          onClose={closeModal}
          closeTest="pipcache-bulk-close"
        />
      }
    >
      {body}
    </ActionModal>
  );
};

export default UseInBuildsModal;
