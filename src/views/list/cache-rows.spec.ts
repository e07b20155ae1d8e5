import { reuseUnchangedRows, type CacheRowData } from './cache-rows';
import type { CacheInstance } from '../../model/living';

const row = (name: string, status: 'ready' | 'building'): CacheRowData => ({
  key: `demo/${name}`,
  name,
  namespace: 'demo',
  created: '2026-01-01T00:00:00Z',
  health: { status, sentence: status, severity: status === 'ready' ? 'success' : 'info' },
  instance: { name, namespace: 'demo' } as unknown as CacheInstance,
});

describe('reuseUnchangedRows', () => {
  it('keeps the previous object of an unchanged row and takes the new one of a changed row', () => {
    const first = reuseUnchangedRows(new Map(), [row('a', 'ready'), row('b', 'ready')]);
    const second = reuseUnchangedRows(first.kept, [row('a', 'ready'), row('b', 'building')]);
    expect(second.rows[0]).toBe(first.rows[0]);
    expect(second.rows[1]).not.toBe(first.rows[1]);
    expect(second.rows[1]?.health.status).toBe('building');
  });

  it('forgets rows that are gone', () => {
    const first = reuseUnchangedRows(new Map(), [row('a', 'ready'), row('b', 'ready')]);
    const second = reuseUnchangedRows(first.kept, [row('b', 'ready')]);
    expect([...second.kept.keys()]).toEqual(['demo/b']);
    expect(second.rows).toEqual([first.rows[1]]);
  });
});
