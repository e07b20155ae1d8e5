/**
 * The one exposed module of the plugin's dashboard items: the Project Overview's inventory
 * item, the cluster Overview's Status card item (watch, handler, popup) and the card of its
 * PipCache tab. One module, not three: every exposed module adds to the plugin entry that
 * every console page load fetches, and the items share nearly all their code anyway.
 */
export { cachesHealthHandler, cachesHealthResources } from './caches-health';
export { default as CachesHealthPopup } from './CachesHealthPopup';
export { default as ClusterCachesCard } from './ClusterCachesCard';
export { default as ProjectCachesInventoryItem } from './ProjectCachesInventoryItem';
