/**
 * Small typed schema parsers for what the plugin reads back from annotations. Anyone with the
 * edit role in a project can write those annotations, so their text is untrusted input: a
 * parser accepts only the fields, types and sizes it names and reports everything else.
 */

/** Why one part of a record was refused. */
export type RecordProblemReason = 'json' | 'type' | 'unknown' | 'missing' | 'size' | 'value';

/** One thing wrong with a record: where (a dotted path, `` for the whole record) and why. */
export interface RecordProblem {
  path: string;
  reason: RecordProblemReason;
}

/** A record read from an annotation: absent, sound, or damaged with what was wrong. */
export type RecordRead<T> =
  | { state: 'absent' }
  | { state: 'ok'; record: T }
  | { state: 'damaged'; problems: RecordProblem[] };

/** Parses `input` at `path`; on failure returns null and adds what was wrong to `problems`. */
export type Parser<T> = (input: unknown, path: string, problems: RecordProblem[]) => T | null;

/** At most this many problems are kept: enough to say what is wrong, bounded for the view. */
export const MAX_PROBLEMS = 20;

const report = (problems: RecordProblem[], path: string, reason: RecordProblemReason): null => {
  if (problems.length < MAX_PROBLEMS) problems.push({ path, reason });
  return null;
};

/** A path to show: a key a record invented is cut short, since it is shown to the user. */
const join = (path: string, key: string | number) => {
  const segment = String(key).length > 64 ? `${String(key).slice(0, 64)}…` : String(key);
  return path ? `${path}.${segment}` : segment;
};

/** Whether `value` is a plain JSON object (not null, not an array). */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Characters no recorded value of ours ever holds: control characters, quotes, backslashes,
 * backticks and `$`, which would let a value leave its place in a shell line or a Dockerfile.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[\u0000-\u001f\u007f"'`$\\]/;

/** Whether a string could carry an injection into a command line or a file the plugin writes. */
export const hasUnsafeText = (value: string): boolean => UNSAFE_TEXT.test(value);

interface TextRules {
  max: number;
  pattern?: RegExp;
  /** Allow quotes and `$` (free text that never reaches a command line). */
  free?: boolean;
}

/** A string of at most `max` characters, matching `pattern` when given, with no unsafe text. */
export const text =
  ({ max, pattern, free = false }: TextRules): Parser<string> =>
  (input, path, problems) => {
    if (typeof input !== 'string') return report(problems, path, 'type');
    if (input.length > max) return report(problems, path, 'size');
    if (pattern && !pattern.test(input)) return report(problems, path, 'value');
    if (!free && hasUnsafeText(input)) return report(problems, path, 'value');
    // eslint-disable-next-line no-control-regex
    if (free && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(input))
      return report(problems, path, 'value');
    return input;
  };

/** One of a fixed set of strings. */
export const oneOf =
  <T extends string>(choices: readonly T[]): Parser<T> =>
  (input, path, problems) =>
    typeof input === 'string' && (choices as readonly string[]).includes(input)
      ? (input as T)
      : report(problems, path, typeof input === 'string' ? 'value' : 'type');

/** A whole number from `min` to `max`. */
export const integer =
  (min: number, max: number): Parser<number> =>
  (input, path, problems) => {
    if (typeof input !== 'number' || !Number.isInteger(input))
      return report(problems, path, 'type');
    return input < min || input > max ? report(problems, path, 'value') : input;
  };

/** A boolean. */
export const boolean: Parser<boolean> = (input, path, problems) =>
  typeof input === 'boolean' ? input : report(problems, path, 'type');

/** An array of at most `max` items, each parsed by `item`; refused whole if one item is. */
export const arrayOf =
  <T>(item: Parser<T>, max: number): Parser<T[]> =>
  (input, path, problems) => {
    if (!Array.isArray(input)) return report(problems, path, 'type');
    if (input.length > max) return report(problems, path, 'size');
    const out: T[] = [];
    let failed = false;
    for (const [index, element] of (input as unknown[]).entries()) {
      const parsed = item(element, join(path, index), problems);
      if (parsed === null) failed = true;
      else out.push(parsed);
    }
    return failed ? null : out;
  };

/** A map of at most `max` entries whose keys and values pass their parsers. */
export const mapOf =
  (key: Parser<string>, value: Parser<string>, max: number): Parser<Record<string, string>> =>
  (input, path, problems) => {
    if (!isPlainObject(input)) return report(problems, path, 'type');
    const keys = Object.keys(input);
    if (keys.length > max) return report(problems, path, 'size');
    const out = new Map<string, string>();
    let failed = false;
    for (const name of keys) {
      const k = key(name, join(path, name), problems);
      const v = value(input[name], join(path, name), problems);
      if (k === null || v === null) failed = true;
      else out.set(k, v);
    }
    return failed ? null : Object.fromEntries(out);
  };

type Shape<T> = { [K in keyof T]-?: Parser<Exclude<T[K], undefined>> };

/**
 * An object with exactly the fields of `shape`: unknown fields are refused, and fields not in
 * `optional` must be present. Only the named fields are copied, so prototype keys never are.
 */
export const object =
  <T extends object>(shape: Shape<T>, optional: readonly (keyof T)[] = []): Parser<T> =>
  (input, path, problems) => {
    if (!isPlainObject(input)) return report(problems, path, 'type');
    let failed = false;
    for (const key of Object.keys(input)) {
      if (!Object.prototype.hasOwnProperty.call(shape, key)) {
        report(problems, join(path, key), 'unknown');
        failed = true;
      }
    }
    const out: Partial<T> = {};
    for (const key of Object.keys(shape) as (keyof T & string)[]) {
      const present = Object.prototype.hasOwnProperty.call(input, key);
      if (!present) {
        if (!optional.includes(key)) {
          report(problems, join(path, key), 'missing');
          failed = true;
        }
        continue;
      }
      const parsed = shape[key](input[key], join(path, key), problems);
      if (parsed === null) failed = true;
      else out[key] = parsed;
    }
    return failed ? null : (out as T);
  };

/**
 * Reads a JSON record from an annotation's text with `parser`: absent when there is no text,
 * damaged when the text is too long, not JSON, or refused by the parser; never partly used.
 */
export const readRecord = <T>(
  textValue: unknown,
  parser: Parser<T>,
  maxChars: number,
): RecordRead<T> => {
  if (textValue === undefined || textValue === null || textValue === '') return { state: 'absent' };
  if (typeof textValue !== 'string')
    return { state: 'damaged', problems: [{ path: '', reason: 'type' }] };
  if (textValue.length > maxChars)
    return { state: 'damaged', problems: [{ path: '', reason: 'size' }] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(textValue);
  } catch {
    return { state: 'damaged', problems: [{ path: '', reason: 'json' }] };
  }
  const problems: RecordProblem[] = [];
  const record = parser(parsed, '', problems);
  if (record === null || problems.length > 0)
    return {
      state: 'damaged',
      problems: problems.length ? problems : [{ path: '', reason: 'value' }],
    };
  return { state: 'ok', record };
};

/** The record when it is sound, otherwise undefined. */
export const recordOf = <T>(read: RecordRead<T>): T | undefined =>
  read.state === 'ok' ? read.record : undefined;

/** Kubernetes name rules the records refer to. */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A uid as the API server writes them. */
export const UID = /^[A-Za-z0-9][-A-Za-z0-9]{0,63}$/;
/** A label or annotation key: an optional DNS prefix and '/', then a qualified name. */
export const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
/** A label value (empty allowed). */
export const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
/** A non-negative resource quantity such as 5Gi or 500m. */
export const QUANTITY = /^(\d{1,18}(\.\d{0,9})?|\.\d{1,9})(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?$/;
