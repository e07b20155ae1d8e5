/**
 * The one exposed module of the plugin's dashboard items: the Project Overview's inventory
 * item, the cluster Overview's Status card item (watch, handler, popup) and the card of its
 * PipCache tab. One module, not three: every exposed module adds to the plugin entry that
 * every console page load fetches, and the items share nearly all their code anyway.
 */
import { lazyPart } from '../../components/lazy-load';

export { cachesHealthHandler, cachesHealthResources } from './caches-health';
export { default as ProjectCachesInventoryItem } from './ProjectCachesInventoryItem';

// The Project Overview loads this module on every visit for its inventory item: the PipCache
// tab's card (its table) and the Status card's popup (opened by a click) load when they render.
export const ClusterCachesCard = lazyPart(() => import('./ClusterCachesCard'));
export const CachesHealthPopup = lazyPart(() => import('./CachesHealthPopup'));
