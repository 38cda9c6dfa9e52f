import { usePageTitle } from '../../lib/use-page-title';
import { AlbumGrid } from '../../features/catalog/components/album-grid';

export default function CatalogRoute() {
  usePageTitle('Catalog');
  return (
    <section aria-labelledby="catalog-title">
      <h1 id="catalog-title" className="mb-6 text-2xl font-bold">
        Catalog
      </h1>
      <AlbumGrid />
    </section>
  );
}
