import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title';
import { searchQueries } from '../../features/search/api/queries';
import { DirectoryList } from '../../features/search/components/directory-list';

export default function GenresRoute() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('pg')) || 0);
  const query = useQuery(searchQueries.genres(page));
  usePageTitle('Genres');
  const data = query.data && {
    ...query.data,
    items: query.data.items.map((i) => ({ name: i.genre, songCount: i.songCount })),
  };
  return (
    <section aria-labelledby="genres-title">
      <h1 id="genres-title" className="mb-6 text-2xl font-bold">
        Genres
      </h1>
      <DirectoryList
        label="Genres"
        filter="genre"
        query={{ ...query, data }}
        onPage={(p) => setParams(p > 0 ? { pg: String(p) } : {})}
      />
    </section>
  );
}
