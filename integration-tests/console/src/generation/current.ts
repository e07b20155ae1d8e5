// The generation this build of the shell imitates. The console 4.22 build (CONSOLE_GENERATION=4.22)
// replaces this import with ./console-4.22 in webpack.config.ts.
export { generation } from './console-4.19';
