// One exposed module for both BuildConfig extensions: every exposed module costs bytes in the
// plugin entry that every console page loads, and the two share nearly all their code anyway.
export { useBuildConfigActions } from './useBuildConfigActions';
export { default as BuildConfigPipCacheTab } from './BuildConfigPipCacheTab';
