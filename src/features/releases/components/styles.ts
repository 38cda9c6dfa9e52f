/** Buttons of the release screens: 44 px high, so that they are easy to hit on a phone. */
export const primaryButton =
  'inline-flex min-h-11 items-center justify-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60';
export const secondaryButton =
  'inline-flex min-h-11 items-center justify-center rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800';
export const dangerButton =
  'inline-flex min-h-11 items-center justify-center rounded-md border border-red-300 px-4 py-2 font-medium text-red-800 hover:bg-red-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950';
export const card = 'rounded-xl border border-slate-200 p-4 dark:border-slate-800';

export const splitList = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
