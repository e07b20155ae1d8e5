import * as fs from 'fs';
import * as path from 'path';
import {
  collectFromExtensions,
  collectFromSource,
  collectKeys,
  diffLocale,
  LOCALE_FILE,
  renderLocale,
  type CollectedKeys,
} from '../../scripts/i18n-keys';

const root = path.resolve(__dirname, '../..');
const empty = (): CollectedKeys => ({ keys: new Set(), problems: [] });

describe('locales', () => {
  it('the committed English locale is exactly what the sources need (run `npm run i18n`)', () => {
    const { keys, problems } = collectKeys(root);
    expect(problems).toEqual([]);
    const committed = fs.readFileSync(path.join(root, LOCALE_FILE), 'utf8');
    expect(diffLocale(committed, keys)).toEqual({ missing: [], unused: [] });
    expect(committed).toBe(renderLocale(keys));
  });

  it('reports a stale file: a key the code uses that the file lacks, and a key nobody uses', () => {
    const keys = new Set(['Ready', 'Starting']);
    const stale = renderLocale(['Ready', 'Gone']);
    expect(diffLocale(stale, keys)).toEqual({ missing: ['Starting'], unused: ['Gone'] });
  });

  it('finds keys in t() and i18n.t() calls and flags keys it cannot read', () => {
    const into = empty();
    collectFromSource(
      'x.tsx',
      "const a = t('Hello {{name}}', { name }); const b = i18n.t(`Plain`); const c = t(key);",
      into,
    );
    expect([...into.keys].sort()).toEqual(['Hello {{name}}', 'Plain']);
    expect(into.problems).toHaveLength(1);
    expect(into.problems[0]?.text).toBe('t(key)');
  });

  it('finds extension labels of the plugin namespace only', () => {
    const into = empty();
    collectFromExtensions(
      '{"name": "%plugin__pipcache-plugin~PipCache%", "x": "%plugin__other~Nope%"}',
      into,
    );
    expect([...into.keys]).toEqual(['PipCache']);
  });
});
