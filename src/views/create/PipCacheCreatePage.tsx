import * as React from 'react';
import { useLocation, useParams } from 'react-router-dom-v5-compat';
import CreateCachePage from './CreateCachePage';
import MigrateCachePage from './MigrateCachePage';

/**
 * The page at /pipcache/ns/<ns>/~new: Add → PipCache creates a cache; with `?migrate=<name>`
 * (the list's alert about template-made caches links there) it replaces the cache the original
 * templates made under that name. Both are the same sections over one form hook.
 */
const PipCacheCreatePage: React.FC = () => {
  const { ns = '' } = useParams<{ ns: string }>();
  const migrate = new URLSearchParams(useLocation().search).get('migrate');
  // Keyed, so that moving from one URL to the other starts a fresh form.
  return migrate ? (
    <MigrateCachePage key={`migrate:${ns}:${migrate}`} namespace={ns} name={migrate} />
  ) : (
    <CreateCachePage key={`create:${ns}`} namespace={ns} />
  );
};

export default PipCacheCreatePage;
