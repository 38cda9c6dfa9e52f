import type { ReactNode } from 'react';

/** A shared playlist that cannot be shown (a damaged or ended link), said in plain words. */
export function SharedProblem({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="shared-title" className="space-y-3">
      <h1 id="shared-title" className="text-2xl font-bold">
        Shared playlist
      </h1>
      <p
        role="alert"
        className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      >
        {children}
      </p>
    </section>
  );
}
