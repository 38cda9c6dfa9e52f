import { Dialog } from '@/components/ui/dialog';
import { useDuplicateQuestion } from '../api/add';

const button = 'min-h-11 rounded-md border border-slate-300 px-4 font-medium dark:border-slate-600';

/** “Already in the playlist: add it again?” A playlist holds a song twice only when asked to. */
export function DuplicateDialog() {
  const question = useDuplicateQuestion((s) => s.question);
  const close = () => useDuplicateQuestion.setState({ question: null });
  return (
    <Dialog open={question !== null} title="Add it again?" onClose={close}>
      <p className="mb-4 text-sm">{question?.text}</p>
      <div className="flex justify-end gap-2">
        <button type="button" className={button} onClick={close}>
          Don’t add
        </button>
        <button
          type="button"
          className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white"
          onClick={() => {
            question?.confirm();
            close();
          }}
        >
          Add again
        </button>
      </div>
    </Dialog>
  );
}
