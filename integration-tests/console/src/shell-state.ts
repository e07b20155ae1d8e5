/** What the shell exposes to browser tests on `window.shellState`. */
export interface ShellStateApi {
  pluginInfo: () => { status: string }[];
  resolveAllCodeRefs: () => Promise<string[]>;
  missingFacades: () => string[];
  unauthorizedUrls: string[];
}

declare global {
  interface Window {
    loadPluginEntry?: (pluginId: string, entryModule: unknown) => void;
    __load_plugin_entry__?: (pluginName: string, entryModule: unknown) => void;
    shellState?: ShellStateApi;
  }
}
