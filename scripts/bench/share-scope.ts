/**
 * Loads the plugin's production build (dist/) the way a console does, in a Node `vm` sandbox
 * instead of a browser, and records which files each exposed module makes it fetch. The
 * sandbox runs the webpack runtime that the build emitted, unchanged: the entry script calls
 * the entry callback, the "console" calls `container.init(shareScope)` with the share scope of
 * one console generation and then `container.get(module)`, and every chunk the runtime asks
 * for (the module's own chunks, and for each shared module it consumes either the console's
 * copy or the plugin's fallback) is fetched through a stand-in `<script>` element that reads
 * the file from dist/ and runs it. Nothing is inferred from file names or from the stats.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { CONSOLE_SHARED_MODULES } from '../../integration-tests/console/src/generation/console-shared-modules';
import type { ConsoleKey } from './budgets';

/** A generation of the console, as far as its share scope goes. */
export interface ConsoleScope {
  key: ConsoleKey;
  /** The version of PatternFly the console puts into the scope (every dynamic module), if any. */
  patternfly?: string;
}

/** Consoles 4.19, 4.20 and 4.21 share no PatternFly; 4.22 shares its PatternFly 6.4. */
export const CONSOLES: ConsoleScope[] = [{ key: '4.19' }, { key: '4.22', patternfly: '6.4.0' }];

interface ShareEntry {
  get: () => Promise<() => unknown>;
  from: string;
  eager?: boolean;
  loaded?: 1;
}
type ShareScope = Record<string, Record<string, ShareEntry>>;

interface Container {
  init: (scope: ShareScope) => unknown;
  get: (module: string) => Promise<() => unknown>;
}

const PLUGIN_BASE = '/api/plugins/pipcache-plugin/';

/** A module the console provides: the plugin never runs it here, so any object will do. */
const consoleEntry = (): ShareEntry => ({
  get: () => Promise.resolve(() => ({})),
  from: 'console',
  eager: true,
  loaded: 1,
});

interface Sandbox {
  container: Container;
  scope: ShareScope;
  /** Files the runtime fetched, in order, by name in dist/. */
  fetched: string[];
}

/** A fresh page: runs the entry and initialises its container with the console's scope. */
const openSandbox = async (
  dist: string,
  consoleScope: ConsoleScope,
  pluginShares: string[],
): Promise<Sandbox> => {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'plugin-manifest.json'), 'utf8')) as {
    loadScripts: string[];
  };
  const fetched: string[] = [];
  const scripts: FakeScript[] = [];
  let container: Container | undefined;
  // The page's globals: a document that only knows script elements, and the entry callback.
  const context: Record<string, unknown> = {
    setTimeout,
    clearTimeout,
    Promise,
    console: { log() {}, warn() {}, error() {}, info() {}, debug() {} },
    loadPluginEntry: (_id: string, entry: Container) => {
      container = entry;
    },
  };
  context.self = context;
  context.window = context;
  context.globalThis = context;
  vm.createContext(context);
  const run = (file: string) => {
    fetched.push(file);
    vm.runInContext(fs.readFileSync(path.join(dist, file), 'utf8'), context, { filename: file });
  };
  class FakeScript {
    private attributes: Record<string, string> = {};
    src = '';
    charset = '';
    onload: ((event: { type: string }) => void) | null = null;
    onerror: ((event: { type: string }) => void) | null = null;
    parentNode = { removeChild: () => undefined };
    setAttribute(name: string, value: string) {
      this.attributes[name] = value;
    }
    getAttribute(name: string): string | null {
      return name === 'src' ? this.src : (this.attributes[name] ?? null);
    }
  }
  context.document = {
    createElement: (tag: string) => {
      if (tag !== 'script') throw new Error(`the plugin created a <${tag}>`);
      return new FakeScript();
    },
    getElementsByTagName: () => scripts,
    head: {
      appendChild: (script: FakeScript) => {
        scripts.push(script);
        if (!script.src.startsWith(PLUGIN_BASE))
          throw new Error(`the plugin fetched ${script.src}, outside its base URL`);
        // Like a browser: the script runs later, then its load event fires.
        setImmediate(() => {
          try {
            run(script.src.slice(PLUGIN_BASE.length));
            script.onload?.({ type: 'load' });
          } catch (error) {
            script.onerror?.({ type: 'error' });
            throw error;
          }
        });
      },
    },
  };
  for (const file of manifest.loadScripts) run(file);
  if (!container) throw new Error('the entry script did not call loadPluginEntry');
  const scope: ShareScope = {};
  for (const name of CONSOLE_SHARED_MODULES) scope[name] = { '*': consoleEntry() };
  if (consoleScope.patternfly)
    for (const name of pluginShares.filter((share) => share.startsWith('@patternfly/')))
      scope[name] = { [consoleScope.patternfly]: consoleEntry() };
  await container.init(scope);
  return { container, scope, fetched };
};

/** The names of the shared modules the plugin provides (puts into an empty scope on init). */
export const pluginShares = async (dist: string): Promise<string[]> => {
  const { scope } = await openSandbox(dist, { key: '4.19' }, []);
  return Object.entries(scope)
    .filter(([, versions]) => Object.values(versions).some((v) => v.from === 'pipcache-plugin'))
    .map(([name]) => name)
    .sort();
};

/** What one page load fetches for one exposed module on one console. */
export interface Closure {
  module: string;
  console: ConsoleKey;
  /** The entry script(s), which every console page fetches. */
  entry: string[];
  /** Everything else `container.get(module)` fetched: the module closure without the entry. */
  files: string[];
}

/** Loads the plugin into a fresh sandbox for each exposed module and console, and records the files. */
export const moduleClosures = async (
  dist: string,
  modules: string[],
  consoles: ConsoleScope[] = CONSOLES,
): Promise<Closure[]> => {
  const shares = await pluginShares(dist);
  const closures: Closure[] = [];
  for (const consoleScope of consoles)
    for (const module of modules) {
      const sandbox = await openSandbox(dist, consoleScope, shares);
      const entry = [...sandbox.fetched];
      await sandbox.container.get(module);
      closures.push({
        module,
        console: consoleScope.key,
        entry,
        files: sandbox.fetched.slice(entry.length),
      });
    }
  return closures;
};
