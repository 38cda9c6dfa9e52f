import { Link } from 'react-router';
import type { ArtistProfile } from '@contract/catalog';
import { Markdown } from '@/components/ui/markdown';
import { safeHref } from '@/lib/markdown';

/** An artist's public profile; the bio is markdown rendered by the safe renderer only. */
export function ArtistProfileView({ profile }: { profile: ArtistProfile }) {
  const website = safeHref(profile.website);
  const market = safeHref(profile.marketsCatalogUrl);
  return (
    <div className="flex flex-col gap-6 sm:flex-row">
      {profile.pictureUrl ? (
        <img
          src={profile.pictureUrl}
          alt={`Picture of ${profile.name}`}
          width={200}
          height={200}
          className="mx-auto aspect-square w-full max-w-48 rounded-xl object-cover shadow-md sm:mx-0"
        />
      ) : null}
      <div className="min-w-0 flex-1">
        <h1 className="text-3xl font-bold">{profile.name}</h1>
        {profile.genre ? (
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            <Link to={`/search?genre=${encodeURIComponent(profile.genre)}`} className="underline">
              {profile.genre}
            </Link>
          </p>
        ) : null}
        {profile.tagsArray.length ? (
          <ul aria-label="Tags" className="mt-2 flex flex-wrap gap-2">
            {profile.tagsArray.map((t) => (
              <li key={t}>
                <Link
                  to={`/search?tag=${encodeURIComponent(t)}`}
                  className="rounded-full bg-slate-100 px-2 py-0.5 text-sm hover:bg-slate-200 dark:bg-slate-800 dark:hover:bg-slate-700"
                >
                  #{t}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        {profile.bio ? <Markdown source={profile.bio} className="mt-4 max-w-prose" /> : null}
        <p className="mt-4 flex flex-wrap gap-4 text-sm">
          {website ? (
            <a
              href={website}
              rel="noopener noreferrer nofollow"
              className="text-brand-700 underline dark:text-brand-400"
            >
              Website
            </a>
          ) : null}
          {market ? (
            <a
              href={market}
              rel="noopener noreferrer nofollow"
              className="text-brand-700 underline dark:text-brand-400"
            >
              Token market
            </a>
          ) : null}
        </p>
      </div>
    </div>
  );
}
