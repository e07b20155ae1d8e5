import { arrayOf, integer, object, oneOf, readRecord, text } from './record-schema';

const parser = object<{ name: string; size?: number; tags?: string[]; kind?: 'a' | 'b' }>(
  {
    name: text({ max: 8 }),
    size: integer(1, 3),
    tags: arrayOf(text({ max: 4 }), 2),
    kind: oneOf(['a', 'b'] as const),
  },
  ['size', 'tags', 'kind'],
);

describe('record schemas', () => {
  it('reads a sound record, copying only the fields it names', () => {
    expect(readRecord('{"name":"x","size":2,"tags":["t"],"kind":"b"}', parser, 100)).toEqual({
      state: 'ok',
      record: { name: 'x', size: 2, tags: ['t'], kind: 'b' },
    });
    expect(readRecord(undefined, parser, 100)).toEqual({ state: 'absent' });
  });

  it('names every field that is wrong, and why', () => {
    const read = readRecord(
      '{"name":"a\\"b","size":9,"tags":["t","u","v"],"kind":"c","extra":1,"__proto__":{"x":1}}',
      parser,
      1000,
    );
    expect(read).toEqual({
      state: 'damaged',
      problems: [
        { path: 'extra', reason: 'unknown' },
        { path: '__proto__', reason: 'unknown' },
        { path: 'name', reason: 'value' },
        { path: 'size', reason: 'value' },
        { path: 'tags', reason: 'size' },
        { path: 'kind', reason: 'value' },
      ],
    });
    expect((Object.prototype as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses text that is too long, not JSON, of the wrong type, or missing a field', () => {
    expect(readRecord('{"name":"x"}', parser, 5)).toEqual({
      state: 'damaged',
      problems: [{ path: '', reason: 'size' }],
    });
    expect(readRecord('{', parser, 100)).toEqual({
      state: 'damaged',
      problems: [{ path: '', reason: 'json' }],
    });
    expect(readRecord('[1]', parser, 100)).toEqual({
      state: 'damaged',
      problems: [{ path: '', reason: 'type' }],
    });
    expect(readRecord('{}', parser, 100)).toEqual({
      state: 'damaged',
      problems: [{ path: 'name', reason: 'missing' }],
    });
  });

  it('cuts an invented key short where it is shown', () => {
    const read = readRecord(JSON.stringify({ name: 'x', ['k'.repeat(500)]: 1 }), parser, 10_000);
    expect(read.state === 'damaged' && read.problems[0]?.path).toBe(`${'k'.repeat(64)}…`);
  });
});
