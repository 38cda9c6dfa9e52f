import { describe, expect, it } from 'vitest';
import { playlistsSchema } from '../../../../contract/listener';
import {
  applyOps,
  docBytes,
  fromWire,
  nameProblem,
  opProblem,
  sizeProblem,
  STORED_DOCUMENT_MAX_BYTES,
  toWire,
  uniqueName,
  type PlaylistDoc,
} from './document';

const doc: PlaylistDoc = [
  { name: 'Road trip', ids: ['a', 'b', 'c'] },
  { name: 'Focus', ids: [] },
];

describe('playlist document operations', () => {
  it('creates, adds, removes, moves, renames and deletes', () => {
    const after = applyOps(doc, [
      { kind: 'create', name: 'New', ids: ['x'] },
      { kind: 'add', name: 'New', ids: ['y', 'x'] },
      { kind: 'remove', name: 'Road trip', index: 1, id: 'b' },
      { kind: 'move', name: 'Road trip', from: 1, to: 0, id: 'c' },
      { kind: 'rename', from: 'Focus', to: 'Deep focus' },
      { kind: 'delete', name: 'New' },
    ]);
    expect(after).toEqual([
      { name: 'Road trip', ids: ['c', 'a'] },
      { name: 'Deep focus', ids: [] },
    ]);
    // pure: the input is untouched
    expect(doc[0]!.ids).toEqual(['a', 'b', 'c']);
  });

  it('refuses ops that do not fit the document, and applying one changes nothing', () => {
    expect(opProblem(doc, { kind: 'create', name: 'Focus', ids: [] })).toMatch(/already have/);
    expect(opProblem(doc, { kind: 'rename', from: 'Focus', to: 'Road trip' })).toMatch(/already have/);
    expect(opProblem(doc, { kind: 'add', name: 'Nope', ids: ['a'] })).toMatch(/no playlist/);
    expect(opProblem(doc, { kind: 'remove', name: 'Road trip', index: 0, id: 'b' })).toMatch(/no longer/);
    expect(opProblem(doc, { kind: 'move', name: 'Road trip', from: 2, to: 3, id: 'c' })).toMatch(/ends/);
    expect(applyOps(doc, [{ kind: 'delete', name: 'Nope' }])).toBe(doc);
  });

  it('checks names as the server and the database need them', () => {
    expect(nameProblem(doc, '')).toMatch(/name/);
    expect(nameProblem(doc, ' padded ')).toMatch(/spaces/);
    expect(nameProblem(doc, 'x'.repeat(101))).toMatch(/100/);
    expect(nameProblem(doc, 'bad\u0000name')).toMatch(/control/);
    expect(nameProblem(doc, 'half \ud800')).toMatch(/control/);
    expect(nameProblem(doc, '__proto__')).toMatch(/reserved/);
    expect(nameProblem(doc, '..')).toMatch(/reserved/);
    expect(nameProblem(doc, 'Focus', 'Focus')).toBeNull();
    expect(nameProblem(doc, 'Ünïcödé 🎵')).toBeNull();
  });

  it('finds a free name', () => {
    expect(uniqueName(doc, 'Mix')).toBe('Mix');
    expect(uniqueName(applyOps(doc, [{ kind: 'create', name: 'Focus (2)', ids: [] }]), 'Focus')).toBe('Focus (3)');
    expect(uniqueName([{ name: 'x'.repeat(100), ids: [] }], 'x'.repeat(100))).toHaveLength(100);
  });

  it('round-trips the wire shape and validates against the contract', () => {
    const wire = toWire(doc);
    expect(playlistsSchema.parse(wire)).toEqual({ 'Road trip': [{ id: 'a' }, { id: 'b' }, { id: 'c' }], Focus: [] });
    expect(fromWire(wire)).toEqual(doc);
  });

  it('counts the bytes of the JSON sent, multi-byte characters included', () => {
    expect(docBytes([])).toBe(2);
    expect(docBytes([{ name: 'é', ids: ['a'] }])).toBe('{"é":[{"id":"a"}]}'.length + 1);
    expect(docBytes([{ name: '🎵', ids: [] }])).toBe(4 + '{"":[]}'.length);
    // escapes count as the characters sent
    expect(docBytes([{ name: 'a"b', ids: [] }])).toBe('{"a\\"b":[]}'.length);
  });

  it('refuses a document over the limit with a message that says what to do', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `song-${String(i).padStart(4, '0')}`);
    // {"p":[ + n × {"id":"song-0000"} + (n-1) commas + ]} = 8 + 18n - 1
    const fits = Math.floor((STORED_DOCUMENT_MAX_BYTES - 7) / 19);
    expect(docBytes([{ name: 'p', ids: ids(fits) }])).toBeLessThanOrEqual(STORED_DOCUMENT_MAX_BYTES);
    expect(sizeProblem([{ name: 'p', ids: ids(fits) }])).toBeNull();
    expect(sizeProblem([{ name: 'p', ids: ids(fits + 1) }])).toMatch(/over the 4096-byte limit.*Remove songs/);
  });
});
