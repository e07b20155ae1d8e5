// The generation this build of the shell imitates. The 4.21 and 4.22 builds
// (CONSOLE_GENERATION=4.21 or 4.22) replace this import with ./console-4.21 or ./console-4.22
// in webpack.config.ts.
export { generation } from './console-4.19';
