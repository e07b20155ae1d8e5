import { checkDevpiVersion, normalizeDevpiVersion, normalizePep440 } from './pep440';

describe('PEP 440 normal forms', () => {
  it.each([
    ['6.19.1', '6.19.1'],
    ['6.19.1b0', '6.19.1b0'],
    ['6.20.0rc1', '6.20.0rc1'],
    ['6.19.1.post1', '6.19.1.post1'],
    ['6.19.1.dev3', '6.19.1.dev3'],
    ['6.19.1a1.post2.dev3', '6.19.1a1.post2.dev3'],
    // Spellings PEP 440 accepts and normalises.
    ['6.19.1-beta', '6.19.1b0'],
    ['6.19.1.beta.2', '6.19.1b2'],
    ['6.19.1_alpha-1', '6.19.1a1'],
    ['6.20.0-RC1', '6.20.0rc1'],
    ['6.20.0c1', '6.20.0rc1'],
    ['6.20.0pre2', '6.20.0rc2'],
    ['6.20.0preview', '6.20.0rc0'],
    ['6.19.1post1', '6.19.1.post1'],
    ['6.19.1-post', '6.19.1.post0'],
    ['6.19.1rev3', '6.19.1.post3'],
    ['6.19.1-r4', '6.19.1.post4'],
    ['6.19.1-1', '6.19.1.post1'],
    ['6.19.1dev', '6.19.1.dev0'],
    ['6.19.1-dev_2', '6.19.1.dev2'],
    ['v6.19.1', '6.19.1'],
    ['  6.19.1\n', '6.19.1'],
    ['06.019.001', '6.19.1'],
    ['0!6.19.1', '6.19.1'],
    ['1!6.19.1', '1!6.19.1'],
    ['6.19.1+Ubuntu-01_x', '6.19.1+ubuntu.1.x'],
  ])('%s is %s', (text, normal) => {
    expect(normalizePep440(text)).toBe(normal);
  });

  it.each([
    '',
    'latest',
    '6.x',
    '6..1',
    '6.19.1.',
    '.6.19',
    '6.19.1-',
    '6.19.1beta-gamma',
    '6.19.1+',
    '6.19.1 rc1',
    '6,19',
    'v',
    '6.19.1-1.post1',
  ])('%j is not a version', (text) => {
    expect(normalizePep440(text)).toBeUndefined();
  });
});

describe('devpi-server versions within >=6.11,<7', () => {
  it.each([
    ['6.11', '6.11', false],
    ['6.11.post1', '6.11.post1', false],
    ['6.11.post1.dev1', '6.11.post1.dev1', false],
    ['6.11.1rc1', '6.11.1rc1', false],
    ['6.12.0', '6.12.0', false],
    ['6.19.1', '6.19.1', false],
    ['6.19.1b0', '6.19.1b0', false],
    ['6.20.0rc1', '6.20.0rc1', false],
    ['6.19.1.post1', '6.19.1.post1', false],
    ['6.19.1-beta', '6.19.1b0', true],
    ['6.99.99.dev1', '6.99.99.dev1', false],
    ['6.19.1+local', '6.19.1+local', false],
  ])('accepts %s, pinned as %s', (text, normalized, changed) => {
    expect(checkDevpiVersion(text)).toEqual({ state: 'ok', normalized, changed });
    expect(normalizeDevpiVersion(text)).toBe(normalized);
  });

  it.each([
    ['5.5.0', false],
    ['7.0.0', false],
    ['7.0.0rc1', false],
    ['7.0.dev0', false],
    ['10.0', false],
    ['1!6.19.1', false],
    // Older than the mirror credentials hook.
    ['6.0', false],
    ['6.10.99', false],
    ['6.1.5', false],
    ['6', false],
    // Pre-releases of 6.11 come before 6.11.
    ['6.11rc1', true],
    ['6.11.0b1', true],
    ['6.11.dev1', true],
    ['6.11rc1.post1', true],
  ])('refuses %s as outside >=6.11,<7', (text, preReleaseOfFloor) => {
    expect(checkDevpiVersion(text)).toMatchObject({ state: 'outside', preReleaseOfFloor });
    expect(normalizeDevpiVersion(text)).toBeUndefined();
  });

  it('tells an empty field from garbage', () => {
    expect(checkDevpiVersion('  ')).toEqual({ state: 'empty' });
    expect(checkDevpiVersion('six')).toEqual({ state: 'invalid' });
  });
});
