import { KINDS } from '../../src/model/shared';
import { findResourceByKind } from './resources';

/**
 * The plugin's kinds table and the in-memory API's discovery (written from a real API
 * server's) must name each kind alike: a wrong plural or scope in the table would send the
 * plugin's calls to a path no API server serves.
 */
describe('the plugin kinds table against discovery', () => {
  it.each(Object.entries(KINDS))(
    '%s is served at its group, version, plural and scope',
    (_, entry) => {
      const served = findResourceByKind(entry.apiVersion, entry.kind);
      expect(served).toBeDefined();
      expect({
        group: served?.group,
        version: served?.version,
        plural: served?.plural,
        namespaced: served?.namespaced,
      }).toEqual({
        group: entry.group ?? '',
        version: entry.version,
        plural: entry.plural,
        namespaced: entry.namespaced,
      });
    },
  );
});
