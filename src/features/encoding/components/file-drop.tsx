import { useId, useState, type DragEvent } from 'react';
import { UPLOAD_EXTENSIONS } from '@contract/encoding';
import type { UploadState } from '../api/use-upload';
import { formatBytes } from '../lib/file-check';

const ACCEPT = ['audio/*', ...UPLOAD_EXTENSIONS].join(',');

/** A drop zone with a file picker inside, and the upload's progress with a Cancel button. */
export function FileDrop({
  label,
  hint,
  state,
  onFile,
  onCancel,
}: {
  label: string;
  hint: string;
  state: UploadState;
  onFile: (file: File) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [over, setOver] = useState(false);
  const busy = state.phase === 'uploading';
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };
  return (
    <div>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={`rounded-xl border-2 border-dashed p-6 text-center ${
          over ? 'border-brand-600 bg-brand-50 dark:bg-slate-800' : 'border-slate-300 dark:border-slate-700'
        }`}
      >
        <p className="text-slate-700 dark:text-slate-300">{hint}</p>
        <label
          htmlFor={id}
          className="mt-3 inline-block cursor-pointer rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-600 focus-within:outline focus-within:outline-2"
        >
          {label}
          <input
            id={id}
            type="file"
            accept={ACCEPT}
            disabled={busy}
            className="sr-only"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) onFile(file);
            }}
          />
        </label>
      </div>
      <UploadStatus state={state} onCancel={onCancel} />
    </div>
  );
}

function UploadStatus({ state, onCancel }: { state: UploadState; onCancel: () => void }) {
  if (state.phase === 'idle') return null;
  if (state.phase === 'error') {
    return (
      <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
        {state.message}
      </p>
    );
  }
  if (state.phase === 'cancelled') {
    return (
      <p role="status" className="mt-3 text-sm">
        Upload of {state.name} cancelled.
      </p>
    );
  }
  const loaded = state.phase === 'done' ? state.total : state.loaded;
  const pct = state.total > 0 ? Math.round((loaded / state.total) * 100) : 0;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3" role="group" aria-label={`Upload of ${state.name}`}>
      <progress
        aria-label={`Uploading ${state.name}`}
        max={state.total}
        value={loaded}
        className="h-3 w-64 accent-brand-700"
      />
      <span className="text-sm tabular-nums" aria-hidden={state.phase !== 'done' || undefined}>
        {state.phase === 'done'
          ? `${state.name}: uploaded (${formatBytes(state.total)})`
          : `${pct}% of ${formatBytes(state.total)}`}
      </span>
      {/* A screen reader hears each quarter and the end, not every percent the bar moves. */}
      <span className="sr-only" aria-live="polite">
        {state.phase === 'done' ? `Upload of ${state.name} complete.` : `${Math.floor(pct / 25) * 25}% uploaded`}
      </span>
      {state.phase === 'uploading' ? (
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Cancel upload
        </button>
      ) : null}
    </div>
  );
}
