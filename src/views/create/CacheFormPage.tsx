import * as React from 'react';
import {
  ActionGroup,
  Alert,
  Button,
  ExpandableSection,
  PageSection,
  Spinner,
  Stack,
  Title,
  Tooltip,
} from '@patternfly/react-core';
import SubmitForm from '../../components/SubmitForm';
import { useNavigate } from 'react-router-dom-v5-compat';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { DocumentTitle } from '../../sdk/console-sdk';
import CreateReportAlert from './CreateReportAlert';
import type { CacheForm } from './useCacheForm';

// The YAML view is not needed for the first paint: load js-yaml only when it is opened.
const YamlPreview = React.lazy(() => import('./YamlPreview'));

interface CacheFormPageProps {
  form: CacheForm;
  heading: string;
  submitText: string;
  /** Says what the submit button does, or why it cannot now. */
  submitHelp: string;
  /** A reason beyond the fields' errors not to submit. */
  blocked?: boolean;
  onSubmit: () => void;
  /** The form's fields, with what the page says before them. */
  children: React.ReactNode;
  /** Shown under the YAML view: how a running job goes. */
  progress?: React.ReactNode;
}

/**
 * The page around the create and migrate forms: heading, loading, the check that the user may
 * create a cache here, the YAML view, what the cluster refused, and Create or Migrate.
 */
const CacheFormPage: React.FC<CacheFormPageProps> = ({
  form,
  heading,
  submitText,
  submitHelp,
  blocked,
  onSubmit,
  children,
  progress,
}) => {
  const { t } = usePipCacheTranslation();
  const navigate = useNavigate();
  const [showYaml, setShowYaml] = React.useState(false);
  const { namespace, values } = form;
  if (form.checkingCreate || !form.loaded || !values) {
    return <Spinner aria-label={t('Loading')} />;
  }
  if (!form.canCreate) {
    return (
      <PageSection data-test="pipcache-new-page">
        <DocumentTitle>{t('Create pip cache')}</DocumentTitle>
        <Alert
          variant="info"
          isInline
          title={t('You may not create a pip cache in project {{namespace}}', { namespace })}
          data-test="pipcache-create-forbidden"
        >
          {t(
            'Creating a cache needs the edit or admin role in the project. Ask a project admin to grant it, or to create the cache for you.',
          )}
        </Alert>
      </PageSection>
    );
  }
  const errorCount = Object.keys(form.errors).length;
  return (
    <PageSection data-test="pipcache-new-page">
      <DocumentTitle>{heading}</DocumentTitle>
      {/* A gutter between the heading, its description and the form, as on the console's pages. */}
      <Stack hasGutter>
        <Title headingLevel="h1">{heading}</Title>
        <p>
          {t(
            'A caching mirror of PyPI (devpi-server) in project {{namespace}}. Python builds that use it download each package from PyPI once.',
            { namespace },
          )}
        </p>
        {/* Limited to PatternFly's reading width, as the console's own create forms are. */}
        <SubmitForm isWidthLimited onSubmit={onSubmit} data-test="pipcache-create-form">
          {children}
          <ExpandableSection
            toggleText={showYaml ? t('Hide YAML') : t('Show the YAML of what will be created')}
            isExpanded={showYaml}
            onToggle={(_event, expanded) => setShowYaml(expanded)}
            data-test="pipcache-section-yaml"
          >
            {showYaml && (
              <React.Suspense fallback={<Spinner size="md" aria-label={t('Loading')} />}>
                <YamlPreview manifests={form.preview} name={values.name} />
              </React.Suspense>
            )}
          </ExpandableSection>
          {progress}
          {form.report && (
            <CreateReportAlert
              report={form.report}
              onRetryRemoval={() => void form.retryRemoval()}
            />
          )}
          {errorCount > 0 && Object.keys(form.touched).length > 0 && (
            <Alert
              variant="danger"
              isInline
              title={t('Correct the fields marked in red.')}
              data-test="pipcache-form-errors"
            />
          )}
          <ActionGroup>
            <Tooltip
              content={
                errorCount > 0 && !blocked
                  ? t('{{count}} fields need attention.', { count: errorCount })
                  : submitHelp
              }
            >
              <Button
                type="submit"
                variant="primary"
                isLoading={form.submitting}
                isAriaDisabled={form.submitting || blocked || errorCount > 0}
                data-test="pipcache-create-submit"
              >
                {submitText}
              </Button>
            </Tooltip>
            <Button variant="link" onClick={() => navigate(-1)} data-test="pipcache-create-cancel">
              {t('Cancel')}
            </Button>
          </ActionGroup>
        </SubmitForm>
      </Stack>
    </PageSection>
  );
};

export default CacheFormPage;
