import * as React from 'react';
import {
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  Title,
  Tooltip,
} from '@patternfly/react-core';
import DamagedRecordAlert from '../../components/DamagedRecordAlert';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { type CacheView, valuesFromObjects, valuesProblems } from '../../model/living';
import { defaultValues, type KeyValue } from '../../model/cache';
import { useAccessReview } from '../../sdk/console-sdk';
import { accessOf, KINDS } from '../../model/shared';
import { useFieldLabels } from '../shared/useFieldLabels';

interface CacheSettingsProps {
  /** The cache: its live objects, and its values annotation (when readable) as the base for
   * what the objects do not say. */
  view: CacheView;
  onEdit: () => void;
}

/** The settings a cache runs with, read from its live objects, and the way to edit them. */
const CacheSettings: React.FC<CacheSettingsProps> = ({ view, onEdit }) => {
  const { objects } = view;
  const { values } = view.instance;
  const { t } = usePipCacheTranslation();
  // A setting is called here what its field is called in the create and edit forms.
  const labels = useFieldLabels();
  const [canPatch] = useAccessReview(
    accessOf(KINDS.Deployment, 'patch', {
      namespace: objects.deployment.metadata?.namespace,
      name: objects.deployment.metadata?.name,
    }),
  );
  const live = valuesFromObjects(objects, values ?? defaultValues());
  const problems = React.useMemo(() => valuesProblems(objects.deployment), [objects.deployment]);
  const selector = (rows: KeyValue[]) =>
    rows.length
      ? rows.map((row) => (row.value ? `${row.key}=${row.value}` : row.key)).join(', ')
      : t('Any node');
  const seconds = (value: string, devpiDefault: number) =>
    value
      ? t('{{seconds}} s', { seconds: value })
      : t("{{seconds}} s (devpi's default)", { seconds: devpiDefault });
  const rows: { id: string; term: string; description: string; shown?: boolean }[] = [
    {
      id: 'memory',
      term: t('Memory'),
      description: t('request {{request}}, limit {{limit}}', {
        request: live.resources.memoryRequest || t('none'),
        limit: live.resources.memoryLimit || t('none'),
      }),
    },
    {
      id: 'cpu',
      term: t('CPU'),
      description: t('request {{request}}, limit {{limit}}', {
        request: live.resources.cpuRequest || t('none'),
        limit: live.resources.cpuLimit || t('none'),
      }),
    },
    { id: 'pod-nodes', term: labels['placement.pods'], description: selector(live.placement.pods) },
    {
      id: 'build-nodes',
      term: labels['placement.build'],
      description: selector(live.placement.build),
      shown: objects.buildConfig !== undefined,
    },
    {
      id: 'insecure',
      term: labels['route.insecureEdgeTermination'],
      description:
        live.route.insecureEdgeTermination === 'Allow' ? t('Allowed') : t('Redirected to https'),
      shown: objects.route !== undefined,
    },
    {
      id: 'allowed',
      term: labels['route.allowedCidrs'],
      description: live.route.allowedCidrs || t('Everyone'),
      shown: objects.route !== undefined,
    },
    {
      id: 'upstream',
      term: labels['devpi.upstreamUrl'],
      description: live.devpi.upstreamUrl || t('PyPI'),
    },
    {
      id: 'expiry',
      term: labels['devpi.cacheExpiry'],
      description: seconds(live.devpi.cacheExpiry, 1800),
    },
    {
      id: 'timeout',
      term: labels['devpi.requestTimeout'],
      description: seconds(live.devpi.requestTimeout, 5),
    },
    {
      id: 'offline',
      term: labels['devpi.offline'],
      description: live.devpi.offline ? t('On: only cached packages are served') : t('Off'),
    },
  ];
  return (
    <Flex direction={{ default: 'column' }} spaceItems={{ default: 'spaceItemsMd' }}>
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
        <FlexItem>
          <Title headingLevel="h2">{t('Settings')}</Title>
        </FlexItem>
        <FlexItem>
          {canPatch ? (
            <Button variant="secondary" onClick={onEdit} data-test="pipcache-edit">
              {t('Edit settings')}
            </Button>
          ) : (
            <Tooltip
              content={t('You may not change this cache (it needs patch on its Deployment).')}
            >
              <Button variant="secondary" isAriaDisabled data-test="pipcache-edit">
                {t('Edit settings')}
              </Button>
            </Tooltip>
          )}
        </FlexItem>
      </Flex>
      {problems && (
        <DamagedRecordAlert
          title={t("The record of this cache's settings is damaged")}
          problems={problems}
          data-test="pipcache-settings-damaged"
        >
          <p>
            {t(
              "Nothing of it is used: the settings below are read from the cache's running objects, and what they do not say (the image and how it was made, the upstream user, the proxy, the network policy) is unknown to the plugin.",
            )}
          </p>
          <p>
            {canPatch
              ? t(
                  "To repair it, open Edit settings, check the values and save: the record is replaced by one rebuilt from the running objects and your checked values (the plugin's defaults for what they do not say), even when you change nothing. Nothing else is changed unless you change it.",
                )
              : t(
                  'Someone who may change this cache (patch on its Deployment) can repair it by saving Edit settings.',
                )}
          </p>
        </DamagedRecordAlert>
      )}
      <DescriptionList isHorizontal isCompact data-test="pipcache-settings">
        {rows
          .filter((row) => row.shown !== false)
          .map((row) => (
            <DescriptionListGroup key={row.id}>
              <DescriptionListTerm>{row.term}</DescriptionListTerm>
              <DescriptionListDescription data-test={`pipcache-setting-${row.id}`}>
                {row.description}
              </DescriptionListDescription>
            </DescriptionListGroup>
          ))}
      </DescriptionList>
    </Flex>
  );
};

export default CacheSettings;
