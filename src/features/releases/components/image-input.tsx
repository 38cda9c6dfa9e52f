import { useId, useState } from 'react';
import { secondaryButton } from './styles';

const MAX_BYTES = 12 * 1024 * 1024;

/** Chooses a picture: checked for type and size here, and by content (and made square) on the server. */
export function ImageInput({
  label,
  current,
  busy,
  error,
  onImage,
}: {
  label: string;
  current: string | null;
  busy: boolean;
  error: string | null;
  onImage: (file: File) => void;
}) {
  const id = useId();
  const [tooBig, setTooBig] = useState<string | null>(null);
  const shown = tooBig ?? error;
  return (
    <div className="flex flex-wrap items-center gap-4">
      {current ? (
        <img src={current} alt={`Current ${label.toLowerCase()}`} className="h-28 w-28 rounded-md object-cover" />
      ) : (
        <div className="grid h-28 w-28 place-items-center rounded-md bg-slate-100 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-400">
          No image
        </div>
      )}
      <div>
        <label htmlFor={id} className={`${secondaryButton} cursor-pointer`}>
          {busy ? 'Uploading…' : current ? `Replace ${label.toLowerCase()}` : `Choose ${label.toLowerCase()}`}
        </label>
        <input
          id={id}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          className="sr-only"
          aria-label={label}
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            if (file.size > MAX_BYTES) {
              return setTooBig(`${file.name} is too large: at most ${MAX_BYTES / 1024 / 1024} MB`);
            }
            setTooBig(null);
            onImage(file);
          }}
        />
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          PNG, JPEG, WebP or GIF, at least 100×100, up to {MAX_BYTES / 1024 / 1024} MB; cropped to a square.
        </p>
        {shown ? (
          <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {shown}
          </p>
        ) : null}
      </div>
    </div>
  );
}
