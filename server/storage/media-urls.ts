/**
 * This server's own media links, parsed in one place: `/media/<kind>/<uuid>` with its signed query
 * (`/media/uploads/<uuid>` for an artist's upload, `/media/stream|download/<uuid>` for a song).
 */
export type MediaLinkKind = 'uploads' | 'stream' | 'download';

export interface MediaLink {
  kind: MediaLinkKind;
  id: string;
  /** the query parameters (the signature's fields) */
  query: Record<string, string>;
  origin: string;
}

const MEDIA_PATH = /^\/media\/(uploads|stream|download)\/([0-9a-f-]{36})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The media link a URL names (any origin: the caller compares it), or undefined for any other URL. */
export function parseMediaUrl(url: string | URL): MediaLink | undefined {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  const m = MEDIA_PATH.exec(u.pathname);
  if (!m) return undefined;
  return { kind: m[1] as MediaLinkKind, id: m[2]!, query: Object.fromEntries(u.searchParams), origin: u.origin };
}

/** The upload a link of `/media/uploads/<uuid>` names, if it is one (an upload id is a uuid). */
export function uploadIdOf(url: string): string | null {
  const link = parseMediaUrl(url);
  return link?.kind === 'uploads' && UUID.test(link.id) ? link.id : null;
}
