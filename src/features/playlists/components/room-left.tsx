import { docBytes, STORED_DOCUMENT_MAX_BYTES, type PlaylistDoc } from '../lib/document';

/** A song entry of a catalog id costs this many bytes: {"id":"<36-character uuid>"} and a comma. */
const ENTRY_BYTES = 46;

/** How much of the 4 KB the server keeps for playlists is used, and about how many songs still fit. */
export function RoomLeft({ doc }: { doc: PlaylistDoc }) {
  const used = docBytes(doc);
  const left = Math.max(0, STORED_DOCUMENT_MAX_BYTES - used);
  const songs = Math.floor(left / ENTRY_BYTES);
  return (
    <div className="max-w-md text-sm">
      <label htmlFor="playlist-room" className="block font-medium">
        Room for playlists
      </label>
      <meter
        id="playlist-room"
        min={0}
        max={STORED_DOCUMENT_MAX_BYTES}
        value={used}
        high={STORED_DOCUMENT_MAX_BYTES * 0.9}
        className="mt-1 h-3 w-full"
      >
        {used} of {STORED_DOCUMENT_MAX_BYTES} bytes
      </meter>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        {used.toLocaleString('en')} of {STORED_DOCUMENT_MAX_BYTES.toLocaleString('en')} bytes used: room for about{' '}
        {songs} more {songs === 1 ? 'song' : 'songs'}.
      </p>
    </div>
  );
}
