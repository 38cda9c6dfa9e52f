import { UPLOAD_EXTENSIONS, UPLOAD_MAX_BYTES, UPLOAD_TYPES } from '@contract/encoding';

/** Checks a chosen file before anything is sent; answers what is wrong with it, in words, or null. */
export function checkAudioFile(file: { name: string; size: number; type: string }): string | null {
  const dot = file.name.lastIndexOf('.');
  const ext = dot >= 0 ? file.name.slice(dot).toLowerCase() : '';
  const typeOk = file.type === '' ? UPLOAD_EXTENSIONS.includes(ext) : UPLOAD_TYPES.includes(file.type);
  if (!typeOk) return `${file.name} is not an audio file we can encode: choose an MP3, WAV, FLAC or Ogg file.`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > UPLOAD_MAX_BYTES) {
    return `${file.name} is ${formatBytes(file.size)}: the limit is ${formatBytes(UPLOAD_MAX_BYTES)}.`;
  }
  return null;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.ceil(n / 1024)} kB`;
  return `${n} bytes`;
}
