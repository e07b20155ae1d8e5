import * as React from 'react';
import { Checkbox, FormSelect, FormSelectOption, Radio } from '@patternfly/react-core';
import BuildsUnavailableNote from '../../components/BuildsUnavailableNote';
import FormField from '../../components/FormField';
import { useBuildsAvailable } from '../../hooks/useBuildsAvailable';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { devpiVersionNote, type ClusterFacts } from '../../model/cache';
import type { FormBinding } from '../shared/form-binding';
import FormSectionExpandable from '../shared/FormSectionExpandable';
import { useFieldLabels } from '../shared/useFieldLabels';
import ValueTextField from '../shared/ValueTextField';

interface ImageSourceSectionProps {
  binding: FormBinding;
  facts: ClusterFacts;
  /** Whether the cluster can build here at all: a usable python tag, a strategy, the build API. */
  canBuild: boolean;
  namespace: string;
}

/** Where the devpi-server image comes from: built in the cluster, built from git, or given. */
const ImageSourceSection: React.FC<ImageSourceSectionProps> = ({
  binding,
  facts,
  canBuild,
  namespace,
}) => {
  const { t } = usePipCacheTranslation();
  const labels = useFieldLabels();
  const { values, set, shown } = binding;
  const buildsAvailable = useBuildsAvailable();
  return (
    <FormSectionExpandable title={t('Image source')} data-test="pipcache-section-image">
      {!buildsAvailable && (
        <BuildsUnavailableNote>
          {t(
            'The cluster has no Build capability: building devpi-server needs a BuildConfig. Use an existing devpi-server image.',
          )}
        </BuildsUnavailableNote>
      )}
      <Radio
        id="pipcache-image-build"
        name="image-source"
        label={t('Build devpi-server in the cluster')}
        description={
          canBuild
            ? t('From the python image stream of the cluster, with a pinned devpi-server version.')
            : t(
                'Not available: the cluster has no python image stream with Python 3.9 or later, or you may not run builds here.',
              )
        }
        isDisabled={!canBuild}
        isChecked={values.image.source === 'build'}
        onChange={() => set((v) => ({ ...v, image: { ...v.image, source: 'build' } }))}
      />
      <Radio
        id="pipcache-image-git"
        name="image-source"
        label={t('Build from a git repository (as the original templates did)')}
        isDisabled={!canBuild}
        isChecked={values.image.source === 'git'}
        onChange={() =>
          set((v) => ({ ...v, image: { ...v.image, source: 'git', strategy: 's2i' } }))
        }
      />
      <Radio
        id="pipcache-image-existing"
        name="image-source"
        label={t('Use an existing image')}
        description={t('An image that has devpi-server 6 installed; nothing is built.')}
        isChecked={values.image.source === 'image'}
        onChange={() => set((v) => ({ ...v, image: { ...v.image, source: 'image' } }))}
      />
      {values.image.source !== 'image' && (
        <FormField
          label={labels['image.pythonTag']}
          fieldId="pipcache-python-tag"
          error={shown('image.pythonTag')}
        >
          <FormSelect
            id="pipcache-python-tag"
            value={values.image.pythonTag}
            onChange={(_event, pythonTag) =>
              set((v) => ({ ...v, image: { ...v.image, pythonTag } }), 'image.pythonTag')
            }
          >
            {facts.pythonTags.map((tag) => (
              <FormSelectOption key={tag} value={tag} label={tag} />
            ))}
          </FormSelect>
        </FormField>
      )}
      {values.image.source === 'build' && (
        <>
          <ValueTextField
            binding={binding}
            field="image.devpiVersion"
            help={
              devpiVersionNote(values.image.devpiVersion, t) ??
              t('A 6.x release (6.11 or later, below 7).')
            }
          />
          <FormField label={t('Build strategy')} fieldId="pipcache-strategy">
            {(['docker', 's2i'] as const).map((strategy) => {
              const allowed = facts.allowedStrategies.includes(strategy);
              return (
                <Radio
                  key={strategy}
                  id={`pipcache-strategy-${strategy}`}
                  name="strategy"
                  label={
                    strategy === 'docker'
                      ? t('Docker (inline Dockerfile)')
                      : t('Source-to-image (requirements.txt from a ConfigMap)')
                  }
                  isDisabled={!allowed}
                  description={
                    allowed
                      ? undefined
                      : t('You may not run builds of this strategy in this project.')
                  }
                  isChecked={values.image.strategy === strategy}
                  onChange={() => set((v) => ({ ...v, image: { ...v.image, strategy } }))}
                />
              );
            })}
          </FormField>
        </>
      )}
      {values.image.source === 'git' && (
        <>
          <ValueTextField binding={binding} field="image.gitUrl" />
          <ValueTextField
            binding={binding}
            field="image.gitRef"
            help={t('Branch, tag or commit; empty = the default branch.')}
          />
          <ValueTextField binding={binding} field="image.contextDir" />
          <Checkbox
            id="pipcache-webhook"
            label={t('Add a GitHub webhook trigger')}
            description={t(
              'New clusters also need a RoleBinding of system:webhook for GitHub to reach it: oc policy add-role-to-group system:webhook system:unauthenticated -n {{namespace}}',
              { namespace },
            )}
            isChecked={values.image.githubWebhook}
            onChange={(_event, githubWebhook) =>
              set((v) => ({ ...v, image: { ...v.image, githubWebhook } }))
            }
          />
        </>
      )}
      {values.image.source === 'image' && (
        <ValueTextField
          binding={binding}
          field="image.reference"
          help={t('For example quay.io/team/devpi-server:6.19.1.')}
        />
      )}
    </FormSectionExpandable>
  );
};

export default ImageSourceSection;
