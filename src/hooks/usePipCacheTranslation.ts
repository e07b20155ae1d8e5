import { useTranslation } from 'react-i18next';

/** The plugin's i18n namespace; the console loads `locales/<lng>/<namespace>.json` from the plugin. */
export const I18N_NAMESPACE = 'plugin__pipcache-plugin';

/** `useTranslation` bound to the plugin's namespace, so that no component can pick another. */
export const usePipCacheTranslation = () => useTranslation(I18N_NAMESPACE);
