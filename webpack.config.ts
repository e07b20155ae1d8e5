import * as path from 'path';
import { ConsoleRemotePlugin } from '@openshift-console/dynamic-plugin-sdk-webpack';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import * as fs from 'fs';
import type { Compiler, Configuration as WebpackConfiguration } from 'webpack';
import type { Configuration as DevServerConfiguration } from 'webpack-dev-server';

interface Configuration extends WebpackConfiguration {
  devServer?: DevServerConfiguration;
}

const isProduction = process.env.NODE_ENV === 'production';

/** Where the build leaves the chunk graph for `scripts/bundle-report.ts`; outside dist/ on purpose. */
const STATS_FILE = path.resolve(__dirname, '.cache', 'bundle-stats.json');

/** Records which files each chunk group (entry, exposed module) loads, for the bundle report. */
class ChunkGraphStatsPlugin {
  apply(compiler: Compiler) {
    compiler.hooks.done.tap('ChunkGraphStatsPlugin', (stats) => {
      const json = stats.toJson({
        all: false,
        chunkGroups: true,
        chunkGroupAuxiliary: false,
        assets: true,
      });
      fs.mkdirSync(path.dirname(STATS_FILE), { recursive: true });
      fs.writeFileSync(
        STATS_FILE,
        JSON.stringify({ namedChunkGroups: json.namedChunkGroups }, null, 2),
      );
    });
  }
}

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
    // The entry lists every chunk's file name; short hashes (six hex digits tell some sixty
    // files apart with room to spare) keep the entry, which every console page load fetches,
    // small.
    hashDigestLength: 6,
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.jsx'],
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
    new CopyWebpackPlugin({
      patterns: [{ from: path.resolve(__dirname, 'locales'), to: 'locales' }],
    }),
    new ChunkGraphStatsPlugin(),
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
        // PatternFly's fallback copies load only when the console's own PatternFly does not
        // satisfy our range, which no supported console does. As one chunk they cost the entry,
        // which every console page fetches, one file name instead of some thirty.
        patternflyFallback: {
          test: /[\\/]node_modules[\\/]@patternfly[\\/]/,
          name: 'pf-fallback',
          chunks: 'async',
          enforce: true,
        },
      },
    },
  },
  performance: { hints: false },
};

export default config;
