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
import { loadCapabilities, shellFlags } from './capabilities';
import { appFetch, unauthorizedUrls } from './fetch';
import { consoleShareScope } from './generation/console-share-scope';
import { generation } from './generation/current';
import { k8sReducer } from './k8s-reducer';
import { SHELL_MODELS } from './models';
import { setFailedPlugins } from './plugin-status';
import { missingFacades } from './shell-context';
import './shell-state';

declare const __webpack_init_sharing__: (scope: string) => Promise<void>;
declare const __webpack_share_scopes__: Record<string, Record<string, unknown>>;

const PLUGIN = 'pipcache-plugin';
/** Where the shell's loader takes entry callbacks in 4.19-4.21, which have no such global. */
const SHELL_ENTRY_CALLBACK = '__shell_plugin_entry__';

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
  // Consoles 4.21 and 4.22 initialise webpack's share scope; 4.19 and 4.20 build one plain
  // object in their loader. Either way it is the one object every plugin's `init` receives.
  let shareScope: Record<string, unknown>;
  if (generation.loader === 'console-object') {
    shareScope = consoleShareScope();
  } else {
    await __webpack_init_sharing__('default');
    shareScope = __webpack_share_scopes__.default ?? {};
    generation.patchShareScope?.(shareScope);
  }
  const providedShares = Object.keys(shareScope).sort();

  setUtilsConfig({ appFetch });
  // The console's FLAGS state, an Immutable Map that the SDK's `useFlag` reads with `get`;
  // the shell's flags are fixed once the capabilities are loaded (a switch reloads the page).
  const flags = { get: (flag: string): boolean | undefined => shellFlags()[flag] };
  const store = createStore(
    combineReducers({
      k8s: k8sReducer,
      sdkCore: coreReducer as Reducer,
      FLAGS: ((state: typeof flags = flags) => state) as Reducer,
    }),
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

  const legacyConsole = generation.loader !== 'dynamic-plugin-sdk';
  const pluginStore = new PluginStore({
    loaderOptions: {
      sharedScope: shareScope,
      // 4.19-4.21 have no `__load_plugin_entry__`: a plugin built with SDK 4.22 calls it and
      // never loads there. The shell's store takes callbacks under a private name instead.
      ...(legacyConsole ? { entryCallbackSettings: { name: SHELL_ENTRY_CALLBACK } } : {}),
      ...generation.dependencyOptions,
    },
  });
  // The console's flags decide which extensions are in use (`flags.required`/`disallowed`).
  await loadCapabilities();
  pluginStore.setFeatureFlags(shellFlags());
  const base = `/api/plugins/${PLUGIN}/`;
  // Like the console's loader: a plugin whose manifest cannot be fetched is registered as
  // failed (the notification drawer says so), and the console goes on without it.
  const manifestFailures: { pluginName: string; status: 'failed'; errorMessage: string }[] = [];
  let manifest: PluginManifest | undefined;
  try {
    const response = await fetch(`${base}plugin-manifest.json`);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    manifest = (await response.json()) as PluginManifest;
  } catch (error) {
    console.error(`Failed to get a valid plugin manifest from ${base}`, error);
    manifestFailures.push({
      pluginName: PLUGIN,
      status: 'failed',
      errorMessage: `Failed to get a valid plugin manifest from ${base}`,
    });
  }
  const entryCallbacks = window as unknown as Record<
    string,
    ((name: string, entryModule: unknown) => void) | undefined
  >;
  window.loadPluginEntry = legacyConsole
    ? // Console 4.19-4.21 know a plugin by `name@version` and take its callback under that
      // ID only: anything else is an unknown plugin.
      (pluginId, entryModule) => {
        if (!manifest || pluginId !== `${manifest.name}@${manifest.version}`) {
          console.error(`Received callback for unknown plugin ${pluginId}`);
          return;
        }
        entryCallbacks[SHELL_ENTRY_CALLBACK]?.(manifest.name, entryModule);
      }
    : // Console 4.22 forwards the old callback to the loader's own, without the version, and
      // warns that the plugin was built for an older console.
      (pluginId, entryModule) => {
        console.warn(
          `[DEPRECATION WARNING] ${pluginId} was built for an older version of Console and may not work correctly in this version.`,
        );
        window.__load_plugin_entry__?.(pluginId.replace(/@[^@]*$/, ''), entryModule);
      };

  if (manifest) {
    // Preload the plugin's translations (ConsolePlugin `i18n.loadType: Preload`) from the
    // console's own locales endpoint, which its backend answers from the plugin's server.
    const localeResponse = await fetch(`/locales/resource.json?lng=en&ns=plugin__${PLUGIN}`);
    if (localeResponse.ok) {
      i18n.addResourceBundle(
        'en',
        `plugin__${PLUGIN}`,
        (await localeResponse.json()) as Record<string, string>,
      );
    }
    await pluginStore.loadPlugin({ ...manifest, baseURL: base });
  }
  const pluginInfo = () => [...pluginStore.getPluginInfo(), ...manifestFailures];
  setFailedPlugins(
    pluginInfo()
      .filter((entry) => entry.status === 'failed')
      .map((entry) => ('pluginName' in entry ? entry.pluginName : entry.manifest.name)),
  );

  window.shellState = {
    pluginInfo,
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
    generation: generation.name,
    loader: generation.loader,
    providedShares,
    loadedShares: () => loadedShares(shareScope),
    shareScopeIsWebpacks: () =>
      typeof __webpack_share_scopes__ !== 'undefined' &&
      __webpack_share_scopes__.default === shareScope,
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
