import * as fs from 'fs';
import * as path from 'path';
import * as semver from 'semver';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

interface LockedPackage {
  engines?: { node?: string } | string[];
}

/**
 * The README promises that a fresh clone works with Node.js 20: every package npm installs
 * must run on the oldest Node our own `engines` field admits, or `npm ci` warns and a tool may
 * fail at run time on a machine that has exactly that Node.
 */
describe('Node.js versions', () => {
  const ours = (read('package.json') as { engines: { node: string } }).engines.node;
  const oldest = semver.minVersion(ours);

  it('our engines field names a Node 20 release', () => {
    expect(oldest?.major).toBe(20);
  });

  it.each(['package-lock.json', 'integration-tests/console-422/package-lock.json'])(
    'every package of %s runs on the oldest Node we admit',
    (file) => {
      const lock = read(file) as { packages: Record<string, LockedPackage> };
      const refused = Object.entries(lock.packages)
        .map(([name, locked]) => {
          const range = Array.isArray(locked.engines) ? undefined : locked.engines?.node;
          return { name, range };
        })
        .filter(({ range }) => range && oldest && !semver.satisfies(oldest, range))
        .map(({ name, range }) => `${name} needs node ${range}`);
      expect(refused).toEqual([]);
    },
  );
});
