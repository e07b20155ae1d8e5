/** Label and field selectors as the Kubernetes API server parses them. */

type Requirement =
  | { op: 'eq' | 'neq'; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'exists' | 'notexists'; key: string };

/** Splits a selector at commas that are not inside parentheses. */
const splitTerms = (selector: string): string[] => {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      terms.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim()) terms.push(current.trim());
  return terms;
};

/** Parses a label selector; throws an Error with the API server's wording on bad syntax. */
export const parseLabelSelector = (selector: string): Requirement[] =>
  splitTerms(selector).map((term): Requirement => {
    const setMatch = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
    if (setMatch) {
      const [, key = '', op, values = ''] = setMatch;
      return {
        op: op === 'in' ? 'in' : 'notin',
        key,
        values: values
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      };
    }
    const neq = /^([^\s!=]+)\s*!=\s*(\S*)$/.exec(term);
    if (neq) return { op: 'neq', key: neq[1] ?? '', value: neq[2] ?? '' };
    const eq = /^([^\s!=]+)\s*==?\s*(\S*)$/.exec(term);
    if (eq) return { op: 'eq', key: eq[1] ?? '', value: eq[2] ?? '' };
    const notExists = /^!([^\s!=]+)$/.exec(term);
    if (notExists) return { op: 'notexists', key: notExists[1] ?? '' };
    if (/^[^\s!=(),]+$/.test(term)) return { op: 'exists', key: term };
    throw new Error(`unable to parse requirement: ${term}`);
  });

/** True when the labels satisfy every requirement. */
export const matchesLabels = (
  requirements: Requirement[],
  labels: Record<string, string> | undefined,
): boolean =>
  requirements.every((req) => {
    const value = labels?.[req.key];
    switch (req.op) {
      case 'eq':
        return value === req.value;
      case 'neq':
        return value !== req.value;
      case 'in':
        return value !== undefined && req.values.includes(value);
      case 'notin':
        return value === undefined || !req.values.includes(value);
      case 'exists':
        return value !== undefined;
      case 'notexists':
        return value === undefined;
    }
  });

/** Parses a field selector (`metadata.name=x,metadata.namespace!=y`); only those two fields. */
export const parseFieldSelector = (
  selector: string,
): { field: string; op: 'eq' | 'neq'; value: string }[] =>
  splitTerms(selector).map((term) => {
    const match = /^([\w.]+)\s*(!=|==|=)\s*(.*)$/.exec(term);
    if (!match) throw new Error(`invalid field selector: ${term}`);
    const [, field = '', op, value = ''] = match;
    if (field !== 'metadata.name' && field !== 'metadata.namespace') {
      throw new Error(`field label not supported: ${field}`);
    }
    return { field, op: op === '!=' ? 'neq' : 'eq', value };
  });

/** A `metav1.LabelSelector` as objects spell it (NetworkPolicy, Deployment selectors). */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** True when the labels satisfy a LabelSelector object; an empty selector selects everything. */
export const matchesLabelSelector = (
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): boolean =>
  Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels?.[key] === value) &&
  (selector.matchExpressions ?? []).every((expression) => {
    const value = labels?.[expression.key];
    switch (expression.operator) {
      case 'In':
        return value !== undefined && (expression.values ?? []).includes(value);
      case 'NotIn':
        return value === undefined || !(expression.values ?? []).includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return false;
    }
  });
