import { storedUploadSchema } from '@contract/encoding';
import { ApiError } from '@/lib/api-error';

export interface PutProgress {
  loaded: number;
  total: number;
}

/**
 * PUTs a file to a signed upload URL with XMLHttpRequest, since fetch reports no upload progress.
 * Aborting the signal cancels the transfer (the promise rejects with an AbortError).
 */
export function putFile(url: string, file: Blob, onProgress: (p: PutProgress) => void, signal: AbortSignal) {
  return new Promise<{ id: string; size: number; type: string }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: the status says enough
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = storedUploadSchema.safeParse(body);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiError(502, 'The server sent an unexpected answer to the upload'));
        return;
      }
      const message = (body as { message?: unknown } | null)?.message;
      reject(
        new ApiError(xhr.status, typeof message === 'string' ? message : `The upload failed (HTTP ${xhr.status})`),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'The upload broke off: check your connection and try again.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    if (signal.aborted) return reject(new DOMException('The upload was cancelled', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
