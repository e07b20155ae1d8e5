/** What the shell exposes to browser tests on `window.shellState`. */
export interface ShellStateApi {
  pluginInfo: () => { status: string }[];
  resolveAllCodeRefs: () => Promise<string[]>;
  missingFacades: () => string[];
  /** The console release the shell imitates (its generation). */
  consoleVersion: string;
  /** The shell generation: 4.19 (for 4.19 and 4.20), 4.21 or 4.22. */
  generation: string;
  /** How the generation's console loads plugins (see ShellGeneration.loader). */
  loader: string;
  /** The shared modules the console put into the share scope, before any plugin loaded. */
  providedShares: string[];
  /** Whether the share scope given to plugins is webpack's own (module federation). */
  shareScopeIsWebpacks: () => boolean;
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
