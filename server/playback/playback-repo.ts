import type { Db, Queryable } from '../db/connection.js';
import { mergeSave, type ParsedSave, type StoredPlayback } from './merge.js';

interface Row {
  device_id: string;
  device_name: string;
  entries: StoredPlayback['entries'];
  current_index: number;
  position_sec: number;
  playing: boolean;
  settings: StoredPlayback['settings'];
  revision: string | number;
  updated_ms: string | number;
}

const COLUMNS = `device_id, device_name, entries, current_index, position_sec, playing, settings, revision,
  (extract(epoch from updated_at) * 1000)::float8 as updated_ms`;

function fromRow(r: Row): StoredPlayback {
  return {
    deviceId: r.device_id,
    deviceName: r.device_name,
    entries: r.entries,
    current: r.current_index,
    positionSec: Number(r.position_sec),
    playing: r.playing,
    settings: r.settings,
    revision: Number(r.revision),
    updatedAtMs: Math.round(Number(r.updated_ms)),
  };
}

/** The listener's kept playback state, or null before their first save. */
export async function playbackOf(db: Queryable, userId: string): Promise<StoredPlayback | null> {
  const r = await db.query<Row>(`select ${COLUMNS} from playback_states where user_id = $1`, [userId]);
  return r.rows[0] ? fromRow(r.rows[0]) : null;
}

/**
 * Merges one device's save into the kept state (`mergeSave`), in one transaction with the row
 * locked, so that two devices saving at once are decided one after the other.
 */
export async function savePlayback(
  db: Db,
  userId: string,
  save: ParsedSave,
  nowMs: number,
): Promise<{ state: StoredPlayback | null; active: boolean }> {
  return db.transaction(async (tx) => {
    const r = await tx.query<Row>(`select ${COLUMNS} from playback_states where user_id = $1 for update`, [userId]);
    const stored = r.rows[0] ? fromRow(r.rows[0]) : null;
    const { next, active } = mergeSave(stored, save, nowMs);
    if (!next) return { state: stored, active };
    await tx.query(
      `insert into playback_states (user_id, device_id, device_name, entries, current_index, position_sec, playing,
                                    settings, revision, updated_at)
       values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8::jsonb, $9, to_timestamp($10::double precision / 1000))
       on conflict (user_id) do update set device_id = excluded.device_id, device_name = excluded.device_name,
         entries = excluded.entries, current_index = excluded.current_index, position_sec = excluded.position_sec,
         playing = excluded.playing, settings = excluded.settings, revision = excluded.revision,
         updated_at = excluded.updated_at`,
      [
        userId,
        next.deviceId,
        next.deviceName,
        JSON.stringify(next.entries),
        next.current,
        next.positionSec,
        next.playing,
        JSON.stringify(next.settings),
        next.revision,
        next.updatedAtMs,
      ],
    );
    return { state: next, active };
  });
}
