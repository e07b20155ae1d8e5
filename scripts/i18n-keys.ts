/**
 * Collects the plugin's translation keys from the sources and console-extensions.json, and
 * renders the English locale file from them. English sentences are the keys, so the English
 * file maps each key to itself; other languages translate the values.
 */
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';

export const NAMESPACE = 'plugin__pipcache-plugin';
export const LOCALE_FILE = path.join('locales', 'en', `${NAMESPACE}.json`);

/** A `t()` call whose key the extractor cannot read (so it could never be translated). */
export interface DynamicKeyProblem {
  file: string;
  line: number;
  text: string;
}

export interface CollectedKeys {
  keys: Set<string>;
  problems: DynamicKeyProblem[];
}

const SOURCE_FILE = /\.(ts|tsx)$/;
const TEST_FILE = /\.spec\.(ts|tsx)$/;

const listSources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === '__mocks__' ? [] : listSources(full);
    }
    return SOURCE_FILE.test(entry.name) && !TEST_FILE.test(entry.name) ? [full] : [];
  });

/** True for `t(...)` and `anything.t(...)`, the two ways the plugin calls the translation function. */
const isTranslationCall = (node: ts.CallExpression): boolean => {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) {
    return callee.text === 't';
  }
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't';
};

/** Reads the keys of every `t('…')` call in one source text. */
export const collectFromSource = (fileName: string, text: string, into: CollectedKeys): void => {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isTranslationCall(node)) {
      const [first] = node.arguments;
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
        into.keys.add(first.text);
      } else {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        into.problems.push({ file: fileName, line: line + 1, text: node.getText().slice(0, 80) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
};

/** Reads the `%plugin__pipcache-plugin~Text%` labels of console-extensions.json. */
export const collectFromExtensions = (text: string, into: CollectedKeys): void => {
  const pattern = new RegExp(`%${NAMESPACE}~([^%]+)%`, 'g');
  for (const match of text.matchAll(pattern)) {
    const key = match[1];
    if (key !== undefined) {
      into.keys.add(key);
    }
  }
};

/** Collects every key of the project rooted at `root`. */
export const collectKeys = (root: string): CollectedKeys => {
  const collected: CollectedKeys = { keys: new Set(), problems: [] };
  for (const file of listSources(path.join(root, 'src'))) {
    collectFromSource(path.relative(root, file), fs.readFileSync(file, 'utf8'), collected);
  }
  collectFromExtensions(
    fs.readFileSync(path.join(root, 'console-extensions.json'), 'utf8'),
    collected,
  );
  return collected;
};

/** The English locale file's text for a set of keys: sorted, each key its own value. */
export const renderLocale = (keys: Iterable<string>): string => {
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const entries: Record<string, string> = {};
  for (const key of sorted) {
    entries[key] = key;
  }
  return `${JSON.stringify(entries, null, 2)}\n`;
};

/** Differences between the committed locale text and what the sources need. */
export const diffLocale = (
  committed: string,
  keys: Set<string>,
): { missing: string[]; unused: string[] } => {
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(committed) as Record<string, unknown>;
  } catch {
    // An unreadable file lacks every key; the caller reports it as stale.
  }
  const present = new Set(Object.keys(parsed));
  return {
    missing: [...keys].filter((key) => !present.has(key)).sort(),
    unused: [...present].filter((key) => !keys.has(key)).sort(),
  };
};
