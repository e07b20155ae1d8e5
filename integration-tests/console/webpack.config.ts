/**
 * Builds the local console shell: a webpack host that provides a console generation's shared
 * modules and loads the plugin's production build the way that console does.
 *
 * - `CONSOLE_GENERATION=4.19` (the default, into `dist/`): consoles 4.19 and 4.20 — React 17,
 *   react-router 5.3 + v5-compat, react-redux 7, redux 4, react-i18next 11 from the root
 *   `node_modules`. No module federation in the host: like the console's own loader, the shell
 *   hands the plugin one plain share-scope object (`src/generation/console-share-scope.ts`).
 * - `CONSOLE_GENERATION=4.21` (into `dist-4.21/`): console 4.21 — the same packages, shared
 *   through webpack's ModuleFederationPlugin with the console's list of modules.
 * - `CONSOLE_GENERATION=4.22` (into `dist-4.22/`): console 4.22 — React 18.3, react-router 7
 *   with `react-router-dom` and `react-router-dom-v5-compat` aliased to it, react-redux 9,
 *   redux 5, react-i18next 16, `@openshift/dynamic-plugin-sdk` 8, PatternFly 6.4 — from
 *   `integration-tests/console-422/node_modules` (its own install: React 18's peers cannot
 *   share the root tree with React 17).
 *
 * Only 4.22 provides PatternFly core to plugins; no generation provides react-dom. All three
 * provide the same console SDK code with the same facades; only `src/generation/` differs.
 */
import * as fs from 'fs';
import * as path from 'path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { container, NormalModuleReplacementPlugin, type Configuration } from 'webpack';
import {
  CONSOLE_422_EXTRA_SHARED_MODULES,
  SHELL_SHARED_MODULES,
} from './src/generation/console-shared-modules';

const root = path.resolve(__dirname, '../..');
const pluginDist = path.join(root, 'dist');

const generation = process.env.CONSOLE_GENERATION ?? '4.19';
if (generation !== '4.19' && generation !== '4.21' && generation !== '4.22') {
  throw new Error(`CONSOLE_GENERATION must be 4.19, 4.21 or 4.22, not ${generation}.`);
}
const is422 = generation === '4.22';
const federated = generation !== '4.19';
const share422 = path.join(root, 'integration-tests/console-422/node_modules');
if (is422 && !fs.existsSync(path.join(share422, 'react'))) {
  throw new Error(
    'The console 4.22 share scope is not installed: build with `npm run build-shell-4.22`, which installs it.',
  );
}

/**
 * The packages console 4.22 provides in other versions than 4.19 does, and where the 4.22
 * build takes them from. react-router 7 stands in for both of the old router packages.
 */
const aliases422: Record<string, string> = Object.fromEntries([
  ...[
    '@openshift/dynamic-plugin-sdk',
    '@patternfly/react-core',
    '@patternfly/react-icons',
    '@patternfly/react-styles',
    '@patternfly/react-table',
    '@patternfly/react-tokens',
    '@patternfly/react-topology',
    'i18next',
    'react',
    'react-dom',
    'react-i18next',
    'react-redux',
    'react-router',
    'redux',
    'redux-thunk',
  ].map((name) => [name, path.join(share422, name)]),
  ['react-router-dom', path.join(share422, 'react-router')],
  ['react-router-dom-v5-compat', path.join(share422, 'react-router')],
]);

/** The version of a package as this generation's build resolves it. */
const version = (name: string): string => {
  const dir = is422 ? aliases422[name] : undefined;
  const file = dir
    ? path.join(dir, 'package.json')
    : require.resolve(`${name}/package.json`, { paths: [root] });
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
};

/**
 * The PatternFly dynamic modules the plugin consumes, read from its build: the console
 * provides every one of them, the shell provides exactly those the plugin asks for.
 */
const patternflyShares = (): string[] => {
  if (!fs.existsSync(pluginDist)) return [];
  const found = new Set<string>();
  for (const file of fs.readdirSync(pluginDist).filter((f) => f.endsWith('.js'))) {
    const text = fs.readFileSync(path.join(pluginDist, file), 'utf8');
    for (const match of text.matchAll(
      /@patternfly\/react-(?:core|icons|table)\/dist\/dynamic\/[A-Za-z0-9/_-]+/g,
    )) {
      found.add(match[0]);
    }
  }
  return [...found].sort();
};

/**
 * The singletons the console shares (its `sharedPluginModules`, less
 * `@openshift-console/dynamic-plugin-sdk-internal`, which is not published); console 4.22 adds
 * `@openshift/dynamic-plugin-sdk`. `react-router` is configured below.
 */
const singletons = [
  ...SHELL_SHARED_MODULES.filter((name) => name !== 'react-router'),
  ...(is422 ? CONSOLE_422_EXTRA_SHARED_MODULES : []),
];

// Consoles 4.19 to 4.21 provide no PatternFly core; 4.22 provides 6.4.
const pfShares = is422 ? patternflyShares() : [];

// The host must reference a shared module for webpack to provide it: write a module of lazy
// imports of every share (none in 4.19, whose share scope is a plain object).
// One folder per generation, so that builds of two generations may run at once.
const generated = path.join(__dirname, '.generated', generation);
fs.mkdirSync(generated, { recursive: true });
fs.writeFileSync(
  path.join(generated, 'pf-shares.ts'),
  `// Generated by webpack.config.ts: lazy references that make webpack provide these shares.\nexport const pfShares = [\n${(federated
    ? [...singletons, 'react-router', ...pfShares]
    : []
  )
    .map((share) => `  () => import('${share}'),`)
    .join('\n')}\n];\n`,
);

// The console loads all of PatternFly's CSS at start (plugins never import it), so a plugin's
// own PatternFly components are styled too: import every stylesheet of the generation's copy.
const stylesDir = is422
  ? path.join(aliases422['@patternfly/react-styles'] ?? '', 'css')
  : path.join(path.dirname(require.resolve('@patternfly/react-styles/package.json')), 'css');
const stylesheets = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? stylesheets(path.join(dir, entry.name))
        : entry.name.endsWith('.css')
          ? [path.join(dir, entry.name)]
          : [],
    );
fs.writeFileSync(
  path.join(generated, 'patternfly-css.ts'),
  `// Generated by webpack.config.ts: every PatternFly stylesheet, as the console loads them.\n${[
    'components',
    'layouts',
    'utilities',
  ]
    .flatMap((folder) => stylesheets(path.join(stylesDir, folder)))
    .sort()
    .map(
      (file) =>
        `import '@patternfly/react-styles/css/${path.relative(stylesDir, file).split(path.sep).join('/')}';`,
    )
    .join('\n')}\n`,
);

const config: Configuration = {
  mode: 'production',
  context: __dirname,
  // The generated module of lazy imports is an entry of its own, so webpack provides the shares.
  entry: {
    shell: [
      `./.generated/${generation}/patternfly-css.ts`,
      `./.generated/${generation}/pf-shares.ts`,
      './src/index.ts',
    ],
  },
  output: {
    path: path.join(__dirname, generation === '4.19' ? 'dist' : `dist-${generation}`),
    filename: '[name].[contenthash].js',
    chunkFilename: '[name].[contenthash].js',
    publicPath: '/static/',
    clean: true,
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.jsx'],
    ...(is422 ? { alias: aliases422 } : {}),
  },
  module: {
    rules: [
      {
        test: /\.(jsx?|tsx?)$/,
        exclude: /node_modules/,
        use: {
          loader: 'swc-loader',
          options: {
            jsc: {
              parser: { syntax: 'typescript', tsx: true },
              transform: { react: { runtime: 'classic' } },
              target: 'es2021',
            },
          },
        },
      },
      { test: /\.m?js$/, resolve: { fullySpecified: false } },
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      // The SDK imports a few SCSS files for its own components; the shell does not style them.
      { test: /\.scss$/, type: 'asset/source' },
      { test: /\.(woff2?|ttf|eot|otf|svg|png|jpg)$/, type: 'asset/resource' },
    ],
  },
  plugins: [
    // Everything the SDK takes from inside the console comes from the shell's facades.
    // Modules the SDK reads a default export from get a file that names it; the rest share one.
    new NormalModuleReplacementPlugin(/^@console\//, (resource: { request: string }) => {
      const last = resource.request.split('/').pop() ?? '';
      const withDefault = path.join(__dirname, 'src/facades/defaults', `${last}.ts`);
      resource.request = fs.existsSync(withDefault)
        ? withDefault
        : path.join(__dirname, 'src/facades/index.tsx');
    }),
    // The generation-specific part of the shell (render, router, thunk, loader options).
    ...(generation === '4.19'
      ? []
      : [new NormalModuleReplacementPlugin(/^\.\/console-4\.19$/, `./console-${generation}`)]),
    // Consoles 4.21 and 4.22 build their share scope with module federation; 4.19 and 4.20
    // build a plain object in their loader (src/generation/console-share-scope.ts).
    ...(federated ? [shareScopePlugin()] : []),
    new HtmlWebpackPlugin({ template: './src/index.html', inject: false }),
  ],
  // `@patternfly/react-topology` (shared, loaded only if a plugin asks) carries its own
  // PatternFly copy, which feature-tests React 18's `useId`: harmless under React 17.
  ignoreWarnings: [{ module: /@patternfly\/react-topology\//, message: /useId/ }],
  devtool: false,
  performance: { hints: false },
  optimization: { minimize: false },
};

function shareScopePlugin() {
  return new container.ModuleFederationPlugin({
    name: 'console_shell',
    shared: {
      ...Object.fromEntries(
        singletons.map((name) => [
          name,
          { singleton: true, eager: false, requiredVersion: false, version: version(name) },
        ]),
      ),
      // 4.21: react-router-dom-v5-compat carries its own react-router 6 inside; as a
      // singleton the shared react-router 5.3 would replace it, so console 4.21 shares it as a
      // non-singleton: each importer gets the version it asks for, one page runs both APIs.
      // 4.22: react-router 7 is the only router, a singleton like the other two names.
      'react-router': is422
        ? {
            singleton: true,
            eager: false,
            requiredVersion: false,
            version: version('react-router'),
          }
        : { singleton: false, eager: false },
      ...Object.fromEntries(
        pfShares.map((share) => {
          const pkg = share.split('/').slice(0, 2).join('/');
          return [
            share,
            { singleton: false, eager: false, requiredVersion: false, version: version(pkg) },
          ];
        }),
      ),
    },
  });
}

export default config;
