import * as fs from 'fs';
import * as path from 'path';
import { indexSettingDifferences, parseIndexConfig } from './index-config';
import { managedIndexSettings } from '../cache';

const fixture = (name: string): unknown =>
  JSON.parse(
    fs.readFileSync(
      path.resolve(__dirname, '../../../integration-tests/fixtures/devpi-6.19.1', `${name}.body`),
      'utf8',
    ),
  );

describe('parseIndexConfig', () => {
  it("reads a real devpi-server 6.19.1's index config", () => {
    expect(parseIndexConfig(fixture('root-pypi-config'))).toEqual({
      mirror_url: 'https://pypi.org/simple/',
      credentialsInUrl: false,
    });
    expect(parseIndexConfig(fixture('patch-index-root'))).toEqual({
      mirror_url: 'https://pypi.org/simple/',
      mirror_cache_expiry: 600,
      credentialsInUrl: false,
    });
  });

  it('never passes on user info from mirror_url, and says it was there', () => {
    const parsed = parseIndexConfig({
      type: 'indexconfig',
      result: { type: 'mirror', mirror_url: 'https://bob:s3cret@nexus.example.com/simple/' },
    });
    expect(parsed).toEqual({
      mirror_url: 'https://nexus.example.com/simple/',
      credentialsInUrl: true,
    });
    expect(JSON.stringify(parsed)).not.toContain('s3cret');
  });

  it.each([
    [null],
    ['text'],
    [{ type: 'status', result: {} }],
    [{ type: 'indexconfig', result: { type: 'stage' } }],
    [{ type: 'indexconfig', result: [] }],
  ])('refuses %j', (body) => {
    expect(parseIndexConfig(body)).toBeUndefined();
  });

  it('drops values of the wrong type', () => {
    expect(
      parseIndexConfig({
        type: 'indexconfig',
        result: {
          type: 'mirror',
          mirror_url: 42,
          mirror_cache_expiry: '600',
          mirror_no_project_list: 'true',
        },
      }),
    ).toEqual({ credentialsInUrl: false });
  });
});

describe('indexSettingDifferences', () => {
  it('finds none when devpi has what the cache is configured with, defaults included', () => {
    const actual = parseIndexConfig(fixture('root-pypi-config'));
    expect(actual).toBeDefined();
    if (actual) {
      expect(
        indexSettingDifferences(managedIndexSettings({ upstreamUrl: '', cacheExpiry: '' }), actual),
      ).toEqual([]);
    }
  });

  it('names each key that differs: a cleared expiry still in devpi, an upstream not yet applied', () => {
    const actual = parseIndexConfig(fixture('patch-index-root'));
    if (!actual) throw new Error('fixture');
    expect(
      indexSettingDifferences(managedIndexSettings({ upstreamUrl: '', cacheExpiry: '' }), actual),
    ).toEqual(['mirror_cache_expiry']);
    expect(
      indexSettingDifferences(
        managedIndexSettings({
          upstreamUrl: 'https://nexus.example.com/simple/',
          cacheExpiry: '600',
        }),
        actual,
      ),
    ).toEqual(['mirror_url', 'mirror_ignore_serial_header', 'mirror_no_project_list']);
  });
});
