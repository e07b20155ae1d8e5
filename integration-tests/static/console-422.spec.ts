import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
const read = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as {
    devDependencies?: Record<string, string>;
    packages?: Record<string, { version?: string }>;
  };

describe('the console 4.22 share scope of the second shell generation', () => {
  const manifest = read('integration-tests/console-422/package.json');
  const lock = read('integration-tests/console-422/package-lock.json');
  const wanted = manifest.devDependencies ?? {};

  it('pins exact versions of what console 4.22 shares', () => {
    // console 4.22: React 18.3, react-router 7.13 (standing in for both old router packages),
    // react-i18next 16, react-redux 9, redux 5, @openshift/dynamic-plugin-sdk 8, PatternFly 6.4.
    expect(wanted).toMatchObject({
      react: expect.stringMatching(/^18\.3\.\d+$/),
      'react-dom': expect.stringMatching(/^18\.3\.\d+$/),
      'react-router': expect.stringMatching(/^7\.13\.\d+$/),
      'react-i18next': expect.stringMatching(/^16\.\d+\.\d+$/),
      'react-redux': expect.stringMatching(/^9\.2\.\d+$/),
      redux: expect.stringMatching(/^5\.0\.\d+$/),
      '@openshift/dynamic-plugin-sdk': expect.stringMatching(/^8\.\d+\.\d+$/),
      '@patternfly/react-core': expect.stringMatching(/^6\.4\.\d+$/),
    });
    for (const [name, version] of Object.entries(wanted)) {
      expect(`${name}@${version}`).toMatch(/@\d+\.\d+\.\d+$/);
    }
  });

  it('has a lock file that installs exactly those versions', () => {
    for (const [name, version] of Object.entries(wanted)) {
      expect(`${name}@${lock.packages?.[`node_modules/${name}`]?.version ?? 'missing'}`).toBe(
        `${name}@${version}`,
      );
    }
  });
});
