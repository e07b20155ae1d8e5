import { usePipCacheTranslation } from '../hooks/usePipCacheTranslation';

/** The accessible names of one node-selector editor: its add button and each row's controls. */
export interface NodeSelectorLabels {
  addLabel: string;
  rowLabels: {
    key: (number: number) => string;
    value: (number: number) => string;
    remove: (number: number) => string;
  };
}

/**
 * Names for the two node-selector editors (the image build's and the cache pod's), shared by the
 * create form and Edit settings, so that a screen reader tells them apart wherever they appear.
 */
export const useNodeSelectorLabels = (): Record<'build' | 'pods', NodeSelectorLabels> => {
  const { t } = usePipCacheTranslation();
  return {
    build: {
      addLabel: t('Add a node selector for the build'),
      rowLabels: {
        key: (number) => t("Key {{number}} of the build's node selector", { number }),
        value: (number) => t("Value {{number}} of the build's node selector", { number }),
        remove: (number) => t("Remove row {{number}} of the build's node selector", { number }),
      },
    },
    pods: {
      addLabel: t('Add a node selector for the cache pod'),
      rowLabels: {
        key: (number) => t("Key {{number}} of the cache pod's node selector", { number }),
        value: (number) => t("Value {{number}} of the cache pod's node selector", { number }),
        remove: (number) => t("Remove row {{number}} of the cache pod's node selector", { number }),
      },
    },
  };
};
