import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { suggestQueries, type SuggestionOption } from '../api/suggest';

const DEBOUNCE_MS = 120;
// The list's rendering loads on the first focus of the box, not with every page.
const SuggestionList = lazy(async () => ({ default: (await import('./suggestion-list')).SuggestionList }));

function useDebounced(value: string, ms: number): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return v;
}

export interface SearchBoxProps {
  /** follow a link of the app (a chosen suggestion, or the full results page) */
  onNavigate: (to: string) => void;
  /** the text the box starts with (the results page's query) */
  initial?: string;
}

/**
 * The header's search box: an ARIA 1.2 combobox whose listbox groups the suggestions (songs,
 * albums, artists, genres) while the person types. Arrow keys move through the options, Enter opens
 * the active one (or the full results page when none is active), Escape closes the list (and
 * clears the box when it is already closed). `/` or Ctrl+K anywhere focuses it.
 */
export function SearchBox({ onNavigate, initial = '' }: SearchBoxProps) {
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const q = useDebounced(text, DEBOUNCE_MS).trim();
  const suggestions = useQuery({ ...suggestQueries.options(q), enabled: open && q.length > 0 });
  const options = suggestions.data && q ? suggestions.data : [];
  const shown = open && q.length > 0 && text.trim().length > 0;

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing = t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
      if ((e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      } else if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const choose = (o: SuggestionOption) => {
    setOpen(false);
    setActive(-1);
    input.current?.blur();
    onNavigate(o.to);
  };
  const submit = () => {
    const t = text.trim();
    if (!t) return;
    setOpen(false);
    onNavigate(`/search?q=${encodeURIComponent(t)}`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      // -1 is the box itself: the arrows go round through it, as a listbox under a text field does.
      const last = options.length - 1;
      if (e.key === 'ArrowDown') setActive((a) => (a >= last ? -1 : a + 1));
      else setActive((a) => (a === -1 ? last : a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const o = shown ? options[active] : undefined;
      if (o) choose(o);
      else submit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (shown) setOpen(false);
      else setText('');
      setActive(-1);
    }
  };

  const activeId = shown && options[active] ? `${id}-${options[active].id}` : undefined;
  return (
    <form
      role="search"
      aria-label="Search the catalog"
      className="relative min-w-0 flex-1"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label="Search songs, albums and artists"
        aria-expanded={shown}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-keyshortcuts="/ Control+K"
        placeholder="Search"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="h-11 w-full min-w-0 rounded-full border border-slate-300 bg-slate-50 px-4 text-base placeholder:text-slate-600 focus:border-brand-600 focus:outline-2 focus:outline-brand-600 md:h-10 md:text-sm dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
      />
      <div
        id={`${id}-list`}
        role="listbox"
        aria-label="Suggestions"
        hidden={!shown}
        className="absolute left-0 right-0 top-full z-50 mt-1 max-h-[70vh] overflow-auto rounded-lg border border-slate-300 bg-white py-1 shadow-xl dark:border-slate-700 dark:bg-slate-900"
      >
        {shown ? (
          <Suspense fallback={null}>
            <SuggestionList
              id={id}
              options={options}
              active={active}
              onChoose={choose}
              onHover={setActive}
              empty={
                suggestions.isError
                  ? 'Suggestions are unavailable right now. Press Enter to search.'
                  : suggestions.isFetching || q !== text.trim()
                    ? 'Searching…'
                    : `Nothing starts with “${text.trim()}”. Press Enter to search everywhere.`
              }
            />
          </Suspense>
        ) : null}
      </div>
    </form>
  );
}
