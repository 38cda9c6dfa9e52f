import { useState, type FormEvent } from 'react';
import { Field } from '@/components/ui/form';
import { FILTERS, validateFilters, type Filter, type Operator, type SearchCriteria } from '../lib/search-params';

const LABELS: Record<Filter, string> = {
  name: 'Album or song name',
  artist: 'Artist',
  genre: 'Genre',
  tag: 'Tag',
  token: 'Token',
};

/**
 * The search filters. It starts from the criteria in the URL; the page remounts it (key) when the
 * URL changes elsewhere, e.g. a genre link, so what is shown always matches the results.
 */
export function SearchForm({ initial, onSearch }: { initial: SearchCriteria; onSearch: (c: SearchCriteria) => void }) {
  const [filters, setFilters] = useState(initial.filters);
  const [operator, setOperator] = useState<Operator>(initial.operator);
  const [errors, setErrors] = useState<Partial<Record<Filter, string>>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = validateFilters(filters);
    setErrors(problems);
    if (Object.keys(problems).length === 0) onSearch({ filters, operator, page: 0 });
  };

  return (
    <form role="search" aria-label="Search the library" onSubmit={submit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {FILTERS.map((f) => (
          <Field
            key={f}
            label={LABELS[f]}
            name={f}
            value={filters[f]}
            error={errors[f]}
            maxLength={200}
            onChange={(e) => setFilters({ ...filters, [f]: e.target.value })}
          />
        ))}
      </div>
      <fieldset className="flex flex-wrap items-center gap-4">
        <legend className="mb-1 text-sm font-medium">Match</legend>
        {(['OR', 'AND'] as const).map((op) => (
          <label key={op} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="operator"
              value={op}
              checked={operator === op}
              onChange={() => setOperator(op)}
              className="accent-brand-600"
            />
            {op === 'OR' ? 'Any filter (OR)' : 'All filters (AND)'}
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2"
      >
        Search
      </button>
    </form>
  );
}
