import * as React from 'react';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { Provider } from 'react-redux';
import { applyMiddleware, combineReducers, createStore, type Reducer } from 'redux';
import {
  PluginStore,
  PluginStoreProvider,
  type PluginManifest,
} from '@openshift/dynamic-plugin-sdk';
import { setUtilsConfig } from '@openshift-console/dynamic-plugin-sdk/lib/app/configSetup';
import storeHandler from '@openshift-console/dynamic-plugin-sdk/lib/app/storeHandler';
import { coreReducer } from '@openshift-console/dynamic-plugin-sdk/lib/app/core/reducers/core';
import { ModalProvider } from '@openshift-console/dynamic-plugin-sdk/lib/app/modal-support/ModalProvider';
import '@patternfly/react-core/dist/styles/base.css';
import App from './app/App';
import { appFetch, unauthorizedUrls } from './fetch';
import { generation } from './generation/current';
import { k8sReducer } from './k8s-reducer';
import { SHELL_MODELS } from './models';
import { missingFacades } from './shell-context';
import './shell-state';

declare const __webpack_init_sharing__: (scope: string) => Promise<void>;
declare const __webpack_share_scopes__: Record<string, Record<string, unknown>>;

const PLUGIN = 'pipcache-plugin';

/** The versions of each shared module that something on the page has loaded, for tests. */
const loadedShares = (scope: Record<string, unknown>): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(scope).flatMap(([name, versions]) => {
      const loaded = Object.entries(versions as Record<string, { loaded?: unknown }>)
        .filter(([, entry]) => Boolean(entry.loaded))
        .map(([version]) => version);
      return loaded.length > 0 ? [[name, loaded]] : [];
    }),
  );

const start = async () => {
  if (localStorage.getItem('shell-theme') === 'dark')
    document.documentElement.classList.add('pf-v6-theme-dark');
  await __webpack_init_sharing__('default');

  setUtilsConfig({ appFetch });
  const store = createStore(
    combineReducers({ k8s: k8sReducer, sdkCore: coreReducer as Reducer }),
    applyMiddleware(generation.thunk),
  );
  storeHandler.setStore(store);
  // Discovery, as the console does it at start: the models the watch hooks look up.
  store.dispatch({ type: 'resources', payload: { resources: { models: SHELL_MODELS } } });

  await i18n.use(initReactI18next).init({
    lng: 'en',
    fallbackLng: 'en',
    ns: ['public'],
    defaultNS: 'public',
    resources: { en: { public: {} } },
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });

  const pluginStore = new PluginStore({
    loaderOptions: {
      sharedScope: __webpack_share_scopes__.default,
      ...generation.dependencyOptions,
    },
  });
  // Console 4.19-4.21 plugins call `loadPluginEntry('name@version', container)`; like console
  // 4.22, forward it to the loader's own callback with the version stripped.
  window.loadPluginEntry = (pluginId, entryModule) => {
    const name = pluginId.replace(/@[^@]*$/, '');
    window.__load_plugin_entry__?.(name, entryModule);
  };

  const base = `/api/plugins/${PLUGIN}/`;
  const manifest = (await (await fetch(`${base}plugin-manifest.json`)).json()) as PluginManifest;
  // Preload the plugin's translations (ConsolePlugin `i18n.loadType: Preload`).
  const localeResponse = await fetch(`${base}locales/en/plugin__${PLUGIN}.json`);
  if (localeResponse.ok) {
    i18n.addResourceBundle(
      'en',
      `plugin__${PLUGIN}`,
      (await localeResponse.json()) as Record<string, string>,
    );
  }
  await pluginStore.loadPlugin({ ...manifest, baseURL: base });

  window.shellState = {
    pluginInfo: () => pluginStore.getPluginInfo(),
    // Resolves every code reference of every extension; returns the failures, for tests.
    resolveAllCodeRefs: async () => {
      const failures: string[] = [];
      for (const extension of pluginStore.getExtensions()) {
        for (const [key, value] of Object.entries(extension.properties)) {
          if (typeof value !== 'function') continue;
          try {
            const resolved: unknown = await (value as () => Promise<unknown>)();
            if (resolved === undefined)
              failures.push(`${extension.type} ${key}: resolved to undefined`);
          } catch (error) {
            failures.push(`${extension.type} ${key}: ${String(error)}`);
          }
        }
      }
      return failures;
    },
    missingFacades: () => [...missingFacades],
    consoleVersion: generation.consoleVersion,
    loadedShares: () => loadedShares(__webpack_share_scopes__.default ?? {}),
    unauthorizedUrls,
  };

  generation.render(
    <Provider store={store}>
      <PluginStoreProvider store={pluginStore}>
        <App modalProvider={ModalProvider} />
      </PluginStoreProvider>
    </Provider>,
    document.getElementById('app') ?? document.body,
  );
};

void start();
