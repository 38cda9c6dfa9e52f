import { useState, type FormEvent } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/form';

interface NewPlaylistDialogProps {
  open: boolean;
  title?: string;
  submitLabel?: string;
  initialName?: string;
  onClose: () => void;
  /** returns why the name cannot be used, or null when it was */
  onSubmit: (name: string) => string | null;
}

/** Asks for a playlist name; the editor's refusal (taken, too long, too big) shows under the field. */
export function NewPlaylistDialog(props: NewPlaylistDialogProps) {
  const { open, title = 'New playlist', submitLabel = 'Create playlist', onClose, onSubmit } = props;
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <NameForm
        key={String(open)}
        initialName={props.initialName ?? ''}
        submitLabel={submitLabel}
        onCancel={onClose}
        onSubmit={onSubmit}
      />
    </Dialog>
  );
}

function NameForm(props: {
  initialName: string;
  submitLabel: string;
  onCancel: () => void;
  onSubmit: (name: string) => string | null;
}) {
  const [name, setName] = useState(props.initialName);
  const [error, setError] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(props.onSubmit(name.trim()) ?? undefined);
  };
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field
        label="Playlist name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error}
        maxLength={100}
        autoFocus
        required
      />
      <div className="flex justify-end gap-2">
        <button
          type="button"
          onClick={props.onCancel}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium dark:border-slate-600"
        >
          Cancel
        </button>
        <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white">
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
