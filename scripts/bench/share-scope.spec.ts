/**
 * The sandbox that measures module closures, run on a small real build: a container made by
 * the same webpack plugin the SDK uses, with one exposed page that consumes a shared
 * "PatternFly" module (with a fallback, as the SDK shares PatternFly) and opens a dialog lazily.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';
import { DynamicRemotePlugin } from '@openshift/dynamic-plugin-sdk-webpack';
import { CONSOLES, moduleClosures, pluginShares } from './share-scope';

const SHARED = '@patternfly/react-core/dist/dynamic/components/Fake';
let dir: string;

const build = async (): Promise<void> => {
  const src = path.join(dir, 'src');
  fs.mkdirSync(src, { recursive: true });
  fs.writeFileSync(path.join(src, 'fake.js'), 'export const fake = "FAKE_PATTERNFLY_MODULE";\n');
  fs.writeFileSync(path.join(src, 'dialog.js'), 'export default "LAZY_DIALOG_MODULE";\n');
  fs.writeFileSync(
    path.join(src, 'page.js'),
    `import { fake } from '${SHARED}';\nexport const open = () => import('./dialog');\nexport default () => fake;\n`,
  );
  const compiler = webpack({
    mode: 'production',
    context: src,
    entry: {},
    output: { path: path.join(dir, 'dist'), publicPath: '/api/plugins/pipcache-plugin/' },
    resolve: { alias: { [SHARED]: path.join(src, 'fake.js') } },
    optimization: { minimize: false },
    plugins: [
      new DynamicRemotePlugin({
        pluginMetadata: {
          name: 'pipcache-plugin',
          version: '0.0.0',
          exposedModules: { Page: './page' },
        },
        extensions: [],
        sharedModules: {
          react: { singleton: true, import: false },
          [SHARED]: { version: '6.2.2', requiredVersion: '^6.2.0' },
        },
        entryCallbackSettings: { name: 'loadPluginEntry', pluginID: 'pipcache-plugin@0.0.0' },
      }),
    ],
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      if (error ?? stats?.hasErrors()) reject(error ?? new Error(stats?.toString('errors-only')));
      else compiler.close(() => resolve());
    }),
  );
};

const text = (files: string[]): string =>
  files.map((file) => fs.readFileSync(path.join(dir, 'dist', file), 'utf8')).join('\n');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'share-scope-'));
  await build();
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('module closures measured in the sandbox', () => {
  it('finds the shared modules the plugin provides', async () => {
    expect(await pluginShares(path.join(dir, 'dist'))).toEqual([SHARED]);
  });

  it('fetch the PatternFly fallback where the console shares none, and not the lazy dialog', async () => {
    const [on419, on422] = await moduleClosures(path.join(dir, 'dist'), ['Page'], CONSOLES);
    expect(on419?.console).toBe('4.19');
    expect(text(on419?.files ?? [])).toContain('FAKE_PATTERNFLY_MODULE');
    expect(text(on419?.files ?? [])).not.toContain('LAZY_DIALOG_MODULE');
    expect(on419?.entry).toHaveLength(1);
    // Console 4.22 serves the module from its own PatternFly: the fallback is not fetched.
    expect(on422?.console).toBe('4.22');
    expect(text(on422?.files ?? [])).not.toContain('FAKE_PATTERNFLY_MODULE');
    expect(on422?.files.length).toBeLessThan(on419?.files.length ?? 0);
  });
});
