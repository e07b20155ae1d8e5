/** The small part of PromQL the in-memory Prometheus evaluates: one vector selector. */

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
}

/** A query the parser rejects; `unsupported` marks valid PromQL beyond a plain selector. */
export class PromQLError extends Error {
  constructor(
    message: string,
    readonly unsupported = false,
  ) {
    super(message);
  }
}

const METRIC = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;

/** Whether a matcher accepts a label value (a missing label counts as the empty string). */
export const matches = (matcher: Matcher, value: string | undefined): boolean => {
  const actual = value ?? '';
  switch (matcher.op) {
    case '=':
      return actual === matcher.value;
    case '!=':
      return actual !== matcher.value;
    case '=~':
      return new RegExp(`^(?:${matcher.value})$`).test(actual);
    case '!~':
      return !new RegExp(`^(?:${matcher.value})$`).test(actual);
  }
};

/** Prints a matcher as Prometheus does (`namespace="demo"`). */
export const matcherString = (matcher: Matcher): string =>
  `${matcher.name}${matcher.op}${JSON.stringify(matcher.value)}`;

const readString = (text: string, start: number): { value: string; end: number } => {
  const quote = text[start];
  if (quote !== '"' && quote !== "'" && quote !== '`')
    throw new PromQLError(`1:${start + 1}: parse error: unexpected character inside braces`);
  let value = '';
  let i = start + 1;
  while (i < text.length && text[i] !== quote) {
    if (text[i] === '\\' && quote !== '`') {
      const next = text[i + 1] ?? '';
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      i += 2;
    } else {
      value += text[i] ?? '';
      i += 1;
    }
  }
  if (i >= text.length)
    throw new PromQLError(`1:${start + 1}: parse error: unterminated quoted string`);
  return { value, end: i + 1 };
};

/**
 * Parses `metric`, `metric{label="v",…}` or `{…}` into matchers (the metric name as `__name__`).
 * Anything else is an error: valid PromQL that is not a selector is marked unsupported.
 */
export const parseSelector = (query: string): Matcher[] => {
  const text = query.trim();
  const matchers: Matcher[] = [];
  let i = 0;
  const metric = METRIC.exec(text);
  if (metric) {
    matchers.push({ name: '__name__', op: '=', value: metric[0] });
    i = metric[0].length;
  }
  const skip = () => {
    while (text[i] === ' ' || text[i] === '\n' || text[i] === '\t') i += 1;
  };
  skip();
  if (text[i] === '{') {
    i += 1;
    skip();
    while (text[i] !== '}') {
      const label = LABEL.exec(text.slice(i));
      if (!label)
        throw new PromQLError(`1:${i + 1}: parse error: unexpected character inside braces`);
      i += label[0].length;
      skip();
      const op = (['=~', '!~', '!=', '='] as const).find((candidate) =>
        text.startsWith(candidate, i),
      );
      if (!op)
        throw new PromQLError(`1:${i + 1}: parse error: unexpected character after label name`);
      i += op.length;
      skip();
      const { value, end } = readString(text, i);
      if (op === '=~' || op === '!~') {
        try {
          new RegExp(value);
        } catch {
          throw new PromQLError(
            `1:${i + 1}: parse error: invalid regular expression ${JSON.stringify(value)}`,
          );
        }
      }
      matchers.push({ name: label[0], op, value });
      i = end;
      skip();
      if (text[i] === ',') {
        i += 1;
        skip();
      } else if (text[i] !== '}') {
        throw new PromQLError(`1:${i + 1}: parse error: unexpected end of label matchers`);
      }
    }
    i += 1;
    skip();
  }
  if (i < text.length || matchers.length === 0) {
    // Functions, operators, ranges and offsets are PromQL this stand-in does not evaluate.
    if (
      /[()[\]+*/^%<>]|\b(?:offset|by|without|on|ignoring)\b/.test(text.slice(i)) ||
      /\(/.test(text)
    )
      throw new PromQLError(text, true);
    throw new PromQLError(
      `1:${i + 1}: parse error: unexpected character: ${JSON.stringify(text[i] ?? '')}`,
    );
  }
  if (matchers.every((m) => matches(m, ''))) {
    throw new PromQLError(
      '1:1: parse error: vector selector must contain at least one non-empty matcher',
    );
  }
  return matchers;
};
