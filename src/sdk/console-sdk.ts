/**
 * The one place the plugin touches the console's dynamic plugin SDK at run time.
 *
 * Every other module imports SDK functions and components from here, so that unit tests can
 * replace this module with `jest.mock` and the local console shell can provide the same names
 * through the shared `@openshift-console/dynamic-plugin-sdk` module. Keep this file small: it
 * re-exports, it does not wrap.
 */
export {
  checkAccess,
  consoleFetch,
  consoleFetchJSON,
  consoleFetchText,
  DocumentTitle,
  HealthState,
  InventoryItem,
  InventoryItemBody,
  InventoryItemLoading,
  InventoryItemTitle,
  k8sCreate,
  k8sDelete,
  k8sGet,
  k8sListItems,
  k8sPatch,
  k8sUpdate,
  ListPageBody,
  ListPageCreateLink,
  ListPageHeader,
  NamespaceBar,
  ResourceLink,
  StatusPopupItem,
  StatusPopupSection,
  Timestamp,
  useAccessReview,
  useActiveNamespace,
  useFlag,
  useK8sWatchResource,
  useK8sWatchResources,
  useModal,
} from '@openshift-console/dynamic-plugin-sdk';

export type {
  AccessReviewResourceAttributes,
  K8sGroupVersionKind,
  K8sModel,
  K8sResourceCommon,
  ResourceHealthHandler,
  Selector,
  WatchK8sResource,
  WatchK8sResources,
  WatchK8sResult,
  WatchK8sResults,
} from '@openshift-console/dynamic-plugin-sdk';
