import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '@/lib/use-page-title';
import { searchQueries } from '@/features/search';
import { DirectoryList } from '@/features/search';

/** The genres and the tags pages: one paged directory, each entry linking to its songs. */
export function DirectoryPage({ kind }: { kind: 'genre' | 'tag' }) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('pg')) || 0);
  const title = kind === 'genre' ? 'Genres' : 'Tags';
  // One of the two is asked (a disabled query fetches nothing).
  const genres = useQuery({ ...searchQueries.genres(page), enabled: kind === 'genre' });
  const tags = useQuery({ ...searchQueries.tags(page), enabled: kind === 'tag' });
  const query = kind === 'genre' ? genres : tags;
  usePageTitle(title);
  const data = query.data && {
    ...query.data,
    items: query.data.items.map((i) => ({ name: 'genre' in i ? i.genre : i.tag, songCount: i.songCount })),
  };
  return (
    <section aria-labelledby={`${kind}s-title`}>
      <h1 id={`${kind}s-title`} className="mb-6 text-2xl font-bold">
        {title}
      </h1>
      <DirectoryList
        label={title}
        filter={kind}
        query={{ ...query, data }}
        onPage={(p) => setParams(p > 0 ? { pg: String(p) } : {})}
      />
    </section>
  );
}
