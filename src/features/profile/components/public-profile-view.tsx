import type { Profile } from '@contract/account';
import { Markdown } from '@/components/ui/markdown';
import { safeHref } from '@/lib/markdown';
import { profileFields } from '../lib/profile-fields';

/** A listener's public profile; everything they wrote is shown as text or safe markdown. */
export function PublicProfileView({ username, doc }: { username: string; doc: Profile }) {
  const p = profileFields(doc);
  const website = safeHref(p.website);
  const empty = !p.displayName && !p.location && !website && !p.bio;
  return (
    <article aria-labelledby="profile-name" className="space-y-4">
      <header>
        <h1 id="profile-name" className="text-3xl font-bold">
          {p.displayName || username}
        </h1>
        <p className="text-slate-600 dark:text-slate-400">
          @{username}
          {p.location ? ` · ${p.location}` : null}
        </p>
      </header>
      {p.bio ? <Markdown source={p.bio} className="max-w-prose" /> : null}
      {website ? (
        <p>
          <a
            href={website}
            rel="noopener noreferrer nofollow ugc"
            className="text-brand-700 underline dark:text-brand-400"
          >
            {website}
          </a>
        </p>
      ) : null}
      {empty ? <p className="text-slate-600 dark:text-slate-400">{username} has not written a profile yet.</p> : null}
    </article>
  );
}
