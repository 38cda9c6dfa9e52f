import { useParams } from 'react-router';
import { ReleaseEditor } from '@/features/releases';
import { usePageTitle } from '@/lib/use-page-title';
import { ArtistTabs } from '../artist-tabs';
import { RequireAuth } from '../require-auth';

export default function ArtistReleaseRoute() {
  usePageTitle('Edit release');
  const { albumId = '' } = useParams();
  return (
    <RequireAuth title="Edit release">
      {(auth) => (
        <section aria-labelledby="release-editor-title">
          <h1 id="release-editor-title" className="mb-2 text-2xl font-bold">
            Artist: edit release
          </h1>
          <ArtistTabs />
          <ReleaseEditor auth={auth} albumId={albumId} />
        </section>
      )}
    </RequireAuth>
  );
}
