import { useSearchParams } from 'react-router';
import { usePageTitle } from '@/lib/use-page-title';
import { ArtistGrid } from '@/features/artists';

export default function ArtistsRoute() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('pg')) || 0);
  usePageTitle('Artists');
  return (
    <section aria-labelledby="artists-title">
      <h1 id="artists-title" className="mb-6 text-2xl font-bold">
        Artists
      </h1>
      <ArtistGrid page={page} onPage={(p) => setParams(p > 0 ? { pg: String(p) } : {})} />
    </section>
  );
}
