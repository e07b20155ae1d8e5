/**
 * The plugins that failed to load, set once by the bootstrap before the shell renders (the
 * shell loads its one plugin first): the notification drawer and the Overview's Dynamic
 * Plugins health item read it, as the console's read its plugin store.
 */
let failed: readonly string[] = [];

export const setFailedPlugins = (names: readonly string[]): void => {
  failed = names;
};

export const failedPlugins = (): readonly string[] => failed;
