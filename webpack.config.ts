import * as path from 'path';
import { ConsoleRemotePlugin } from '@openshift-console/dynamic-plugin-sdk-webpack';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import { WebpackError } from 'webpack';
import type { Compiler, Module, Configuration as WebpackConfiguration } from 'webpack';
import type { Configuration as DevServerConfiguration } from 'webpack-dev-server';

interface Configuration extends WebpackConfiguration {
  devServer?: DevServerConfiguration;
}

const isProduction = process.env.NODE_ENV === 'production';

/**
 * Fails the build when two chunks end up with one file name. Short content hashes can collide,
 * and webpack then writes one of the two files without a word, so a page would get the other
 * chunk's code and fail with a ChunkLoadError only in the console.
 */
class UniqueChunkFilesPlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap('UniqueChunkFilesPlugin', (compilation) => {
      compilation.hooks.afterProcessAssets.tap('UniqueChunkFilesPlugin', () => {
        const owners = new Map<string, string[]>();
        for (const chunk of compilation.chunks) {
          for (const file of chunk.files) {
            owners.set(file, [...(owners.get(file) ?? []), String(chunk.id)]);
          }
        }
        for (const [file, chunks] of owners) {
          if (chunks.length > 1)
            compilation.errors.push(
              new WebpackError(
                `Chunks ${chunks.join(', ')} are all written to ${file}: raise output.hashDigestLength.`,
              ),
            );
        }
      });
    });
  }
}

/** What the build takes for react-dom (see `resolve.alias`); PatternFly's portals call it. */
const PORTAL_MODULE = path
  .resolve(__dirname, 'src/sdk/react-dom-portal.ts')
  .split(path.sep)
  .join('/');

/**
 * PatternFly components that every page of the plugin renders (pages, BuildConfig tab and
 * dashboard items alike): they share one chunk with PatternFly's helpers, icons and Popper,
 * since each page needs them all anyway and one file compresses better than a dozen.
 */
const COMMON_COMPONENTS = new Set(['Alert', 'Badge', 'Button', 'Spinner', 'Tooltip']);

/**
 * The chunk a vendor module goes to: PatternFly components by component (react-core's and
 * react-table's code and react-styles' class names of the same component together), what
 * every page uses in one common chunk, other libraries by package. The names only group
 * modules: file names stay content hashes.
 */
export const vendorChunkName = (resource: string): string => {
  const file = resource.split(path.sep).join('/');
  const component =
    /\/@patternfly\/react-(?:core|table)\/dist\/(?:esm|dynamic)\/(?:components|layouts|deprecated\/components)\/([^/.]+)/.exec(
      file,
    ) ?? /\/@patternfly\/react-styles\/css\/(?:components|layouts)\/([^/.]+)/.exec(file);
  if (component?.[1])
    return COMMON_COMPONENTS.has(component[1]) ? 'pf-common' : `pf-${component[1]}`;
  if (
    file === PORTAL_MODULE ||
    /\/(?:@patternfly\/react-(?:core|styles|tokens|icons)|tslib|object-assign)\//.test(file) ||
    /\/react\/(?:cjs\/react-)?jsx-runtime/.test(file)
  )
    return 'pf-common';
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  return `lib-${(pkg?.[1] ?? 'other').replace(/[@/]/g, '-')}`;
};

const config: Configuration = {
  mode: isProduction ? 'production' : 'development',
  // ConsoleRemotePlugin creates the remote container entry; the plugin has no entry of its own.
  entry: {},
  // Every console the plugin supports runs in browsers with ES2021; a modern target makes the
  // webpack runtime in the entry (fetched on every console page load) markedly smaller.
  target: ['web', 'es2021'],
  context: path.resolve(__dirname, 'src'),
  output: {
    path: path.resolve(__dirname, 'dist'),
    // Content hashes let the console and any proxy cache assets forever; only the manifest and
    // the entry name change per build, and the manifest is served uncached.
    filename: isProduction ? '[name]-bundle-[contenthash].min.js' : '[name]-bundle.js',
    chunkFilename: isProduction ? 'c.[contenthash].js' : '[name]-chunk.js',
    // The entry lists every chunk's file name; short hashes keep the entry, which every console
    // page load fetches, small. Six hex digits once gave two of the ~100 chunks one name, so
    // eight, and UniqueChunkFilesPlugin fails the build should it happen again.
    hashDigestLength: 8,
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.jsx'],
    // PatternFly calls only `createPortal` of react-dom, which no console shares: a portal is
    // plain data the console's react-dom renders, so the build takes it from a small module
    // rather than bundling a second react-dom (see src/sdk/react-dom-portal.ts).
    alias: { 'react-dom$': PORTAL_MODULE },
  },
  module: {
    // A module that asks for an export its import does not have fails the build: react-dom is
    // the portal module (see resolve.alias), and a new call of react-dom's other APIs must not
    // reach the browser as `undefined`.
    parser: { javascript: { exportsPresence: 'error' } },
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
      {
        test: /\.css$/,
        use: ['style-loader', 'css-loader'],
      },
      {
        test: /\.m?js/,
        resolve: { fullySpecified: false },
      },
    ],
  },
  devServer: {
    static: './dist',
    port: 9001,
    // The console container reaches the dev server from another origin (and host).
    allowedHosts: 'all',
    headers: {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, PATCH, OPTIONS',
      'Access-Control-Allow-Headers': 'X-Requested-With, Content-Type, Authorization',
      'Cache-Control': 'no-store',
    },
    devMiddleware: { writeToDisk: true },
  },
  plugins: [
    new ConsoleRemotePlugin(),
    new UniqueChunkFilesPlugin(),
    new CopyWebpackPlugin({
      patterns: [{ from: path.resolve(__dirname, 'locales'), to: 'locales' }],
    }),
  ],
  // The console's Content-Security-Policy forbids eval, so never use eval-based source maps.
  devtool: isProduction ? false : 'source-map',
  optimization: {
    // The entry names every chunk by id; 'size' gives the shortest ids to the chunks used most.
    // File names stay content hashes, so caching is unaffected.
    chunkIds: isProduction ? 'size' : 'named',
    minimize: isProduction,
    splitChunks: {
      cacheGroups: {
        // The SDK shares PatternFly per dynamic module (`@patternfly/react-core/dist/dynamic/
        // components/Button`, …), each with its own fallback chunk group. Consoles 4.19–4.21
        // share no PatternFly, so there every page loads the fallbacks of the modules it uses:
        // one chunk per PatternFly component (its code and its class-name map), so that a page
        // fetches what it renders and little else, and one for what every page uses (see
        // vendorChunkName). Left to itself, webpack would copy the helpers (and the portal
        // module) into each fallback chunk, and a page would fetch them many times over.
        vendor: {
          test: (module: Module) =>
            /[\\/]node_modules[\\/]/.test(module.nameForCondition() ?? '') ||
            module.nameForCondition() === path.normalize(PORTAL_MODULE),
          chunks: 'async',
          enforce: true,
          name: (module: Module) => vendorChunkName(module.nameForCondition() ?? ''),
        },
      },
    },
  },
  performance: { hints: false },
};

export default config;
