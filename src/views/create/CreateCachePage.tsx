import * as React from 'react';
import { useNavigate } from 'react-router-dom-v5-compat';
import { createCache } from '../../api/create-cache';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { freeCacheName, defaultValues } from '../../model/cache';
import { detailsPagePath } from '../../model/shared';
import CacheFormPage from './CacheFormPage';
import CacheFormSections from './CacheFormSections';
import { useCacheForm } from './useCacheForm';

/** Add → PipCache: a short default path (name, storage, Create) and sections for the rest. */
const CreateCachePage: React.FC<{ namespace: string }> = ({ namespace }) => {
  const { t } = usePipCacheTranslation();
  const navigate = useNavigate();
  const form = useCacheForm({ namespace });
  const { values, start, loaded, facts, cachesKnown, cacheNames, touched, binding } = form;

  // The suggested name is free in the project, so the form opens without an error; errors
  // show once a field is touched or a create is attempted.
  React.useEffect(() => {
    if (!loaded || values || !cachesKnown) return;
    start({ ...defaultValues(facts), name: freeCacheName(cacheNames) });
  }, [loaded, values, cachesKnown, start, facts, cacheNames]);

  // A cache that appears after the name was suggested (the watch delivers it late, or someone
  // creates one meanwhile) takes the suggestion's place: an untouched name moves to a free one,
  // so that the form never greets the user with an error they did not make.
  React.useEffect(() => {
    if (touched.name || !binding || !cacheNames.includes(binding.values.name)) return;
    binding.set((current) => ({ ...current, name: freeCacheName(cacheNames) }));
  }, [touched.name, binding, cacheNames]);

  const submit = () =>
    void form.submit(async (planned, submitted) => {
      const result = await createCache(planned);
      if (result.outcome !== 'created') return result;
      navigate(detailsPagePath(namespace, submitted.name));
      return undefined;
    }, false);

  return (
    <CacheFormPage
      form={form}
      heading={t('Create pip cache')}
      submitText={form.submitting ? t('Creating') : t('Create')}
      submitHelp={t('Checks every object with a dry run, then creates them.')}
      onSubmit={submit}
    >
      {binding && (
        <CacheFormSections
          form={form}
          binding={binding}
          nameHelp={t('Names every object of the cache: its Service, Route and Deployment.')}
        />
      )}
    </CacheFormPage>
  );
};

export default CreateCachePage;
