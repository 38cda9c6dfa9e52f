import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { stableUuid } from '../db/seed/catalog-writer.js';
import { backends, freshDb } from '../test/harness.js';
import { readLegacyDocument } from './document-repo.js';

describe.each(backends())('migration 011: the stored documents become playlists (%s)', (backend) => {
  let db: Db;
  let drop: () => Promise<void>;
  const alice = stableUuid('user:alice');
  const docs = {
    'Road trip': [{ id: 's1' }, { id: 's2' }, { id: 's1' }],
    Empty: [],
    'tab\there, 日本語 ✓': [{ id: 's3' }],
  };
  beforeAll(async () => {
    ({ db, drop } = await freshDb(backend));
    // the database as it was before 011, with a stored document
    await db.exec(`drop table listener_playlist_follows; drop table listener_playlists;
      delete from schema_migrations where version = 11`);
    await db.query(`insert into playlists (user_id, data, version) values ($1, $2::jsonb, 7)`, [
      alice,
      JSON.stringify(docs),
    ]);
    expect(await migrate(db)).toEqual(['011_playlists.sql']);
  });
  afterAll(() => drop());

  it('moves every playlist over with every entry in order, duplicates and odd names kept', async () => {
    const r = await db.query<{ name: string; song_ids: string[]; entry_keys: number[]; next_key: number }>(
      `select name, song_ids, entry_keys, next_key from listener_playlists where user_id = $1 order by name`,
      [alice],
    );
    expect(r.rows).toEqual([
      { name: 'Empty', song_ids: [], entry_keys: [], next_key: 0 },
      { name: 'Road trip', song_ids: ['s1', 's2', 's1'], entry_keys: [0, 1, 2], next_key: 3 },
      { name: 'tab\there, 日本語 ✓', song_ids: ['s3'], entry_keys: [0], next_key: 1 },
    ]);
  });

  it('answers the same document, under the same ETag, through the legacy GET', async () => {
    const doc = await readLegacyDocument(db, alice);
    expect(doc.data).toEqual(docs);
    expect(doc.version).toBe(7);
  });
});
