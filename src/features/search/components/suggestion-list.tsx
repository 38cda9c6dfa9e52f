import type { SuggestionOption } from '../api/suggest';

const GROUPS = ['Songs', 'Albums', 'Artists', 'Genres'] as const;

/** The options of the header's combobox, grouped; the box keeps focus and says which is active. */
export function SuggestionList({
  id,
  options,
  active,
  onChoose,
  onHover,
  empty,
}: {
  id: string;
  options: readonly SuggestionOption[];
  active: number;
  onChoose: (o: SuggestionOption) => void;
  onHover: (i: number) => void;
  /** what to say while there are no options */
  empty: string;
}) {
  const choose = onChoose;
  const setActive = onHover;
  return (
    <>
      {options.length === 0 ? (
        <p
          role="option"
          aria-disabled="true"
          aria-selected="false"
          className="px-4 py-3 text-sm text-slate-600 dark:text-slate-400"
        >
          {empty}
        </p>
      ) : null}
      {GROUPS.map((group) => {
        const inGroup = options.filter((o) => o.group === group);
        if (inGroup.length === 0) return null;
        return (
          <div key={group} role="group" aria-labelledby={`${id}-${group}`}>
            <div
              id={`${id}-${group}`}
              role="presentation"
              className="px-4 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400"
            >
              {group}
            </div>
            {inGroup.map((o) => {
              const i = options.indexOf(o);
              return (
                <div
                  key={o.id}
                  id={`${id}-${o.id}`}
                  role="option"
                  aria-selected={i === active}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(o)}
                  // Only a pointer that moves picks an option: a list that appears under a resting
                  // pointer must not take over the Enter meant for the full results.
                  onMouseMove={(e) => {
                    if (e.movementX || e.movementY) setActive(i);
                  }}
                  className="flex min-h-11 cursor-pointer items-center gap-3 px-4 py-1 aria-selected:bg-brand-50 dark:aria-selected:bg-slate-800"
                >
                  {o.group === 'Genres' ? null : o.image ? (
                    <img
                      src={o.image}
                      alt=""
                      width={40}
                      height={40}
                      className={`h-10 w-10 shrink-0 object-cover ${o.group === 'Artists' ? 'rounded-full' : 'rounded'}`}
                    />
                  ) : (
                    <span
                      aria-hidden="true"
                      className={`h-10 w-10 shrink-0 bg-slate-200 dark:bg-slate-700 ${o.group === 'Artists' ? 'rounded-full' : 'rounded'}`}
                    />
                  )}
                  <span className="flex min-w-0 flex-col">
                    <span className="break-words font-medium">{o.label}</span>
                    <span className="break-words text-sm text-slate-600 dark:text-slate-400">{o.detail}</span>
                  </span>
                </div>
              );
            })}
          </div>
        );
      })}
    </>
  );
}
