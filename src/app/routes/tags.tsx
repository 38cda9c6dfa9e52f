import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title';
import { searchQueries } from '../../features/search/api/queries';
import { DirectoryList } from '../../features/search/components/directory-list';

export default function TagsRoute() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('pg')) || 0);
  const query = useQuery(searchQueries.tags(page));
  usePageTitle('Tags');
  const data = query.data && {
    ...query.data,
    items: query.data.items.map((i) => ({ name: i.tag, songCount: i.songCount })),
  };
  return (
    <section aria-labelledby="tags-title">
      <h1 id="tags-title" className="mb-6 text-2xl font-bold">
        Tags
      </h1>
      <DirectoryList
        label="Tags"
        filter="tag"
        query={{ ...query, data }}
        onPage={(p) => setParams(p > 0 ? { pg: String(p) } : {})}
      />
    </section>
  );
}
