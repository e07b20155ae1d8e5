/**
 * The console generation the browser tests run against (`CONSOLE_GENERATION`, as the
 * Playwright config passes it to the shell): 4.19 (standing for 4.19 and 4.20), 4.21 or 4.22.
 */
export const GENERATION: '4.19' | '4.21' | '4.22' =
  process.env.CONSOLE_GENERATION === '4.21' || process.env.CONSOLE_GENERATION === '4.22'
    ? process.env.CONSOLE_GENERATION
    : '4.19';

/** Whether the console of this generation renders BuildConfig actions (4.21 and later). */
export const hasBuildConfigActions = GENERATION !== '4.19';
