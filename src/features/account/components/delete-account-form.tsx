import { useState } from 'react';
import { useNavigate } from 'react-router';
import { deleteAccountBodySchema } from '@contract/account-settings';
import { FormAlert } from '@/components/ui/form';
import { noticeActions } from '@/lib/notices';
import { useDeleteAccount } from '../api/settings';
import { actions } from '../store';
import { useAccountForm } from '../lib/use-account-form';
import { CurrentPasswordField } from './current-password-field';

const FIELDS = ['currentPassword'] as const;
const dangerButton =
  'min-h-11 rounded-md px-4 py-2 font-semibold focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2';

function ConfirmForm({ onCancel }: { onCancel: () => void }) {
  const remove = useDeleteAccount();
  const navigate = useNavigate();
  const { values, errors, send, submit, set } = useAccountForm(
    FIELDS,
    { currentPassword: '' },
    {
      schema: deleteAccountBodySchema,
      send: (v, onError) =>
        remove.mutate(v, {
          onSuccess: () => {
            void navigate('/');
            noticeActions.notify('Your account was deleted.');
            actions.signOut(); // every session of the account is over
          },
          onError,
        }),
    },
  );
  return (
    <form onSubmit={submit} aria-label="Delete account" className="space-y-4" noValidate>
      <CurrentPasswordField
        value={values.currentPassword}
        onChange={set('currentPassword')}
        error={errors.fields.currentPassword}
      />
      <FormAlert messages={errors.general} onRetry={errors.retryable ? send : undefined} />
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          disabled={remove.isPending}
          aria-busy={remove.isPending || undefined}
          className={`${dangerButton} bg-red-700 text-white hover:bg-red-600 disabled:opacity-60`}
        >
          {remove.isPending ? 'Deleting…' : 'Delete my account'}
        </button>
        <button
          type="button"
          onClick={onCancel}
          className={`${dangerButton} border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800`}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Delete the account: says what goes and what stays, then asks for the password. */
export function DeleteAccountForm() {
  const [open, setOpen] = useState(false);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Your listening history, likes, saved albums, follows, playlists and sessions are deleted for good, and any
        credits left in your wallet are forfeited. Payments and listens stay in the books without your name. An artist
        account can go once its earnings are paid out and its albums are taken down.
      </p>
      {open ? (
        <ConfirmForm onCancel={() => setOpen(false)} />
      ) : (
        <button
          type="button"
          onClick={() => setOpen(true)}
          className={`${dangerButton} border border-red-700 text-red-700 hover:bg-red-50 dark:border-red-400 dark:text-red-400 dark:hover:bg-red-950`}
        >
          Delete account…
        </button>
      )}
    </div>
  );
}
