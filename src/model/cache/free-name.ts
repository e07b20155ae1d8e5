/** The name the create form suggests: `pipcache`, or the first of `pipcache-2`, `pipcache-3`… that no cache of the project has. */
export const freeCacheName = (taken: readonly string[], base = 'pipcache'): string => {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!names.has(candidate)) return candidate;
  }
};
