/** What the shell exposes to browser tests on `window.shellState`. */
export interface ShellStateApi {
  pluginInfo: () => { status: string }[];
  resolveAllCodeRefs: () => Promise<string[]>;
  missingFacades: () => string[];
  /** The console release the shell imitates (its generation). */
  consoleVersion: string;
  /** Shared module name to the versions of it that were loaded. */
  loadedShares: () => Record<string, string[]>;
  unauthorizedUrls: string[];
}

declare global {
  interface Window {
    loadPluginEntry?: (pluginId: string, entryModule: unknown) => void;
    __load_plugin_entry__?: (pluginName: string, entryModule: unknown) => void;
    shellState?: ShellStateApi;
  }
}
