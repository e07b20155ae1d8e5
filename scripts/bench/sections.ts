/** The parts of the browser benchmark, in the order they run (`npm run bench -- --browser --only …`). */
export const SECTIONS = ['pages', 'timings', 'rerender', 'traffic', 'create', 'probes'] as const;
export type Section = (typeof SECTIONS)[number];
