import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { encodeMp3 } from '../audio/codec/index.js';
import { synthesizeSong, SYNTH_RATE } from '../audio/demo/synth.js';
import { connect } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { loadFixture } from './fixture.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplateUrl: string;
    /** a short real MP3 that every fixture song plays */
    fixtureMp3: string;
  }
}

export const PG_TEMPLATE_DB = 'tokenly_test_template';

/**
 * Migrating a database takes seconds, so it is done once: a PGlite dump for the embedded database,
 * and a template database on PostgreSQL that each test file copies.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenly-test-'));
  const mp3 = path.join(dir, 'fixture.mp3');
  const pcm = synthesizeSong({
    seed: 42,
    durationSec: 20,
    tempoBpm: 120,
    key: 0,
    scale: 'major',
    instrument: 'piano',
    drums: 'rock',
  });
  fs.writeFileSync(mp3, await encodeMp3({ sampleRate: SYNTH_RATE, channels: pcm }, { bitrate: 64 }));
  const audioSize = fs.statSync(mp3).size;
  project.provide('fixtureMp3', mp3);
  const db = await connect({});
  await migrate(db);
  await loadFixture(db, audioSize);
  const dump = await (db as unknown as { pglite: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).pglite.dumpDataDir(
    'gzip',
  );
  const file = path.join(dir, 'template.tar.gz');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteTemplate', file);

  const url = process.env.TEST_DATABASE_URL;
  project.provide('postgresTemplateUrl', url ?? '');
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${PG_TEMPLATE_DB}`);
    await admin.query(`create database ${PG_TEMPLATE_DB}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${PG_TEMPLATE_DB}`;
    const tdb = await connect({ databaseUrl: u.toString() });
    await migrate(tdb);
    await loadFixture(tdb, audioSize);
    await tdb.close();
  }
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
