import { freeCacheName } from './free-name';

describe('freeCacheName', () => {
  it('suggests pipcache in a project without caches', () => {
    expect(freeCacheName([])).toBe('pipcache');
  });

  it('counts up from 2 past the names that are taken', () => {
    expect(freeCacheName(['pipcache'])).toBe('pipcache-2');
    expect(freeCacheName(['pipcache', 'pipcache-2', 'pipcache-3'])).toBe('pipcache-4');
  });

  it('takes the first free number, and pipcache itself when only numbered ones exist', () => {
    expect(freeCacheName(['pipcache', 'pipcache-3'])).toBe('pipcache-2');
    expect(freeCacheName(['pipcache-2'])).toBe('pipcache');
  });
});
