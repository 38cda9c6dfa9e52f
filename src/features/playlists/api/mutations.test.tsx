import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { editorActions } from '../store';
import { usePlaylistEditor } from './mutations';

/**
 * The save loop against a small stand-in for the server's documented behaviour (ETag, If-Match,
 * 412, failures): the real server is exercised by the API tests and the Playwright journeys; this
 * isolates the loop so that its rollback and merge paths can be driven one by one.
 */
interface FakeServer {
  doc: Record<string, { id: string }[]>;
  version: number;
  fail: { status: number; message: string } | null;
  /** answer GETs without an ETag this many times */
  noEtag: number;
  puts: { ifMatch: string | null; body: string }[];
}

let server: FakeServer;
let userN = 0;

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

beforeEach(() => {
  server = { doc: {}, version: 1, fail: null, noEtag: 0, puts: [] };
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    if (new URL(input).pathname !== '/api/v1/playlists') return respond(404, { message: 'not here' });
    if (method === 'GET') {
      if (server.noEtag-- > 0) return respond(200, server.doc);
      return respond(200, server.doc, { etag: `"v${server.version}"` });
    }
    const ifMatch = new Headers(init?.headers).get('if-match');
    server.puts.push({ ifMatch, body: String(init?.body) });
    if (server.fail) return respond(server.fail.status, { message: server.fail.message });
    if (ifMatch && ifMatch !== `"v${server.version}"`) return respond(412, { message: 'changed elsewhere' });
    server.doc = JSON.parse(String(init?.body)) as FakeServer['doc'];
    server.version++;
    return respond(200, { id: 'doc' }, { etag: `"v${server.version}"` });
  });
});
afterEach(() => vi.unstubAllGlobals());

function setup() {
  const auth = { id: `user-${++userN}`, apiToken: 'T', apiSecretKey: 'K' };
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return renderHook(() => usePlaylistEditor(auth), { wrapper });
}

const names = (doc: readonly { name: string }[] | undefined) => (doc ?? []).map((p) => p.name).sort();

describe('saving playlist edits', () => {
  it('shows an edit at once and saves it conditionally on the version it was made on', async () => {
    server.doc = { Trip: [{ id: 'a' }] };
    const { result } = setup();
    await waitFor(() => expect(result.current.doc).toBeDefined());
    act(() => void result.current.edit({ kind: 'add', name: 'Trip', ids: ['b'] }));
    expect(result.current.doc).toEqual([{ name: 'Trip', ids: ['a', 'b'] }]);
    await waitFor(() => expect(server.doc).toEqual({ Trip: [{ id: 'a' }, { id: 'b' }] }));
    expect(server.puts.map((p) => p.ifMatch)).toEqual(['"v1"']);
    // the next edit names the new version
    act(() => void result.current.edit({ kind: 'create', name: 'Mix', ids: [] }));
    await waitFor(() => expect(server.puts.map((p) => p.ifMatch)).toEqual(['"v1"', '"v2"']));
  });

  it('merges with a version saved elsewhere meanwhile, keeping both edits, and says so', async () => {
    server.doc = { Trip: [{ id: 'a' }] };
    const { result } = setup();
    await waitFor(() => expect(result.current.doc).toBeDefined());
    server.doc = { Trip: [{ id: 'a' }, { id: 'x' }], Other: [] };
    server.version = 5;
    act(() => void result.current.edit({ kind: 'add', name: 'Trip', ids: ['b'] }));
    await waitFor(() => expect(server.version).toBe(6));
    expect(server.doc).toEqual({ Trip: [{ id: 'a' }, { id: 'x' }, { id: 'b' }], Other: [] });
    expect(server.puts.map((p) => p.ifMatch)).toEqual(['"v1"', '"v5"']);
    expect(editorActions.get().message?.text).toMatch(/both sets of edits were kept/);
    await waitFor(() => expect(names(result.current.doc)).toEqual(['Other', 'Trip']));
  });

  it('holds a conflicting edit back and asks, then saves what the person chose', async () => {
    server.doc = { Trip: [{ id: 'a' }] };
    const { result } = setup();
    await waitFor(() => expect(result.current.doc).toBeDefined());
    server.doc = {};
    server.version = 2;
    act(() => void result.current.edit({ kind: 'add', name: 'Trip', ids: ['b'] }));
    await waitFor(() => expect(editorActions.get().conflicts).toHaveLength(1));
    expect(server.puts).toHaveLength(1);
    act(() => void result.current.resolve(['mine']));
    await waitFor(() => expect(server.doc).toEqual({ Trip: [{ id: 'a' }, { id: 'b' }] }));
  });

  it('rolls a failed save back with the reason, keeping later edits that still apply', async () => {
    server.doc = { Trip: [{ id: 'a' }] };
    const { result } = setup();
    await waitFor(() => expect(result.current.doc).toBeDefined());
    server.fail = { status: 500, message: 'the disk is full' };
    act(() => void result.current.edit({ kind: 'rename', from: 'Trip', to: 'Road' }));
    expect(names(result.current.doc)).toEqual(['Road']);
    await waitFor(() => expect(editorActions.get().message?.kind).toBe('error'));
    expect(editorActions.get().message?.text).toBe(
      'Your playlists could not be saved (the disk is full). Your last change was undone.',
    );
    expect(names(result.current.doc)).toEqual(['Trip']);
    expect(server.doc).toEqual({ Trip: [{ id: 'a' }] });
  });

  it('never writes unconditionally: without a version it fetches one first', async () => {
    server.doc = { Trip: [] };
    server.noEtag = 1;
    const { result } = setup();
    await waitFor(() => expect(result.current.doc).toBeDefined());
    act(() => void result.current.edit({ kind: 'add', name: 'Trip', ids: ['a'] }));
    await waitFor(() => expect(server.doc).toEqual({ Trip: [{ id: 'a' }] }));
    expect(server.puts.map((p) => p.ifMatch)).toEqual(['"v1"']);
  });

  it('refuses an edit that would pass 4 KB before sending anything', async () => {
    const { result } = setup();
    await waitFor(() => expect(result.current.doc).toBeDefined());
    const ids = Array.from({ length: 100 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    let problem: string | null = null;
    act(() => void (problem = result.current.edit({ kind: 'create', name: 'Big', ids })));
    expect(problem).toMatch(/over the 4096-byte limit/);
    expect(result.current.doc).toEqual([]);
    expect(server.puts).toEqual([]);
  });
});
