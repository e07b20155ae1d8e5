/** The parts of the browser benchmark, in the order they run (`npm run bench -- --browser --only …`). */
export const SECTIONS = ['pages', 'timings', 'rerender', 'traffic', 'create', 'probes'] as const;
/** `--traffic`: the quick traffic check of CI (list, details, Project Overview, cluster PipCache tab; 1 and 200 caches; the tab's probes). */
export type Section = (typeof SECTIONS)[number] | 'traffic-quick';
