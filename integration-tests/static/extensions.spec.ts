import * as fs from 'fs';
import * as path from 'path';
import {
  checkExtensions,
  definitionsByType,
  exportedNames,
  loadSdkSchema,
} from '../../scripts/extensions-check';

const root = path.resolve(__dirname, '../..');
const srcDir = path.join(root, 'src');
const extensions = JSON.parse(
  fs.readFileSync(path.join(root, 'console-extensions.json'), 'utf8'),
) as Record<string, unknown>[];
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  consolePlugin: {
    name: string;
    exposedModules: Record<string, string>;
    dependencies: Record<string, string>;
  };
};
const exposed = pkg.consolePlugin.exposedModules;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('console-extensions.json', () => {
  it('has only extensions that match the SDK schema definition of their own type', () => {
    expect(checkExtensions(extensions, exposed, srcDir)).toEqual([]);
  });

  it('names the plugin and its console dependency as the contract says', () => {
    expect(pkg.name).toBe('pipcache-plugin');
    expect(pkg.consolePlugin.name).toBe('pipcache-plugin');
    expect(pkg.consolePlugin.dependencies['@console/pluginAPI']).toBe('>=4.19.0-0');
  });

  it('knows the extension types the plugin uses from the schema', () => {
    const types = definitionsByType(loadSdkSchema());
    for (const type of [
      'console.page/route',
      'console.navigation/href',
      'dev-console.add/action',
    ]) {
      expect(types.has(type)).toBe(true);
    }
  });

  it('declares the create route before any route that could swallow ~new', () => {
    const paths = extensions
      .filter((e) => e.type === 'console.page/route')
      .flatMap((e) => {
        const p = (e.properties as { path: string | string[] }).path;
        return Array.isArray(p) ? p : [p];
      });
    const newIndex = paths.indexOf('/pipcache/ns/:ns/~new');
    expect(newIndex).toBeGreaterThanOrEqual(0);
    const details = paths.indexOf('/pipcache/ns/:ns/:name');
    if (details >= 0) {
      expect(newIndex).toBeLessThan(details);
    }
  });
});

describe('the extension check catches what the webpack SDK lets through', () => {
  it('rejects an unknown extension type', () => {
    const broken = clone(extensions);
    broken.push({
      type: 'console.page/rout',
      properties: { path: '/x', component: { $codeRef: 'ListPage' } },
    });
    expect(checkExtensions(broken, exposed, srcDir)).toEqual([
      expect.stringContaining('unknown extension type'),
    ]);
  });

  it('rejects a route without its required path', () => {
    const broken = clone(extensions);
    const route = broken.find((e) => e.type === 'console.page/route')!;
    delete (route.properties as Record<string, unknown>).path;
    expect(checkExtensions(broken, exposed, srcDir).join('\n')).toMatch(
      /must have required property 'path'/,
    );
  });

  it('rejects a property the type does not define', () => {
    const broken = clone(extensions);
    const nav = broken.find((e) => e.type === 'console.navigation/href')!;
    (nav.properties as Record<string, unknown>).hreff = '/typo';
    expect(checkExtensions(broken, exposed, srcDir).join('\n')).toMatch(/additional properties/);
  });

  it('rejects a $codeRef to a module that is not exposed', () => {
    const broken = clone(extensions);
    const route = broken.find((e) => e.type === 'console.page/route')!;
    (route.properties as Record<string, unknown>).component = { $codeRef: 'NoSuchModule' };
    expect(checkExtensions(broken, exposed, srcDir).join('\n')).toMatch(/names no exposed module/);
  });

  it('rejects a $codeRef to an export the module does not have', () => {
    const broken = clone(extensions);
    const add = broken.find((e) => e.type === 'dev-console.add/action')!;
    (add.properties as Record<string, unknown>).icon = { $codeRef: 'icons.noSuchIcon' };
    expect(checkExtensions(broken, exposed, srcDir).join('\n')).toMatch(
      /does not export noSuchIcon/,
    );
  });

  it('rejects an exposed module that no extension uses', () => {
    expect(
      checkExtensions(extensions, { ...exposed, Orphan: './views/list/PipCacheListPage' }, srcDir),
    ).toEqual(['exposed module Orphan is not used by any extension.']);
  });
});

describe('exportedNames', () => {
  it('reads default, named, re-exported and declared exports', () => {
    const names = exportedNames(
      'x.tsx',
      `export const a = 1; export function b() {} const c = 2; export { c as d }; export default c;`,
    );
    expect([...names].sort()).toEqual(['a', 'b', 'd', 'default']);
  });
});
