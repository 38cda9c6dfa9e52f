import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A titled row of the home page, with a link to see all of it. */
export function Shelf({
  id,
  title,
  more,
  children,
}: {
  id: string;
  title: string;
  more?: { to: string; label: string };
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mb-10">
      <div className="mb-3 flex items-baseline justify-between gap-4">
        <h2 id={id} className="text-xl font-bold">
          {title}
        </h2>
        {more ? (
          <Link
            to={more.to}
            className="inline-flex min-h-11 items-center text-sm font-semibold text-brand-700 hover:underline dark:text-brand-400"
          >
            {more.label}
          </Link>
        ) : null}
      </div>
      {children}
    </section>
  );
}
