import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Credentials } from '@contract/account';
import { encodeFile } from '@/features/encoding';
import { ReleasesHome, type EncodeFile } from '@/features/releases';
import { usePageTitle } from '@/lib/use-page-title';
import { ArtistTabs } from '../artist-tabs';
import { RequireAuth } from '../require-auth';

/** Releases meet the encoding feature here: dropped files are uploaded and encoded by it. */
function Releases({ auth }: { auth: Credentials }) {
  const client = useQueryClient();
  const encode = useCallback<EncodeFile>(
    (file, onProgress, signal) => encodeFile(auth, client, file, onProgress, signal),
    [auth, client],
  );
  return <ReleasesHome auth={auth} encodeFile={encode} />;
}

export default function ArtistReleasesRoute() {
  usePageTitle('Releases');
  return (
    <RequireAuth title="Releases">
      {(auth) => (
        <section aria-labelledby="releases-title">
          <h1 id="releases-title" className="mb-2 text-2xl font-bold">
            Artist: releases
          </h1>
          <ArtistTabs />
          <Releases auth={auth} />
        </section>
      )}
    </RequireAuth>
  );
}
