import type { z } from 'zod';

/**
 * Runs a contract schema in the browser so obvious mistakes (short password, bad email) are shown
 * at once, with the same words the server would use; the server still decides.
 */
export function checkWith<F extends string>(
  schema: z.ZodType,
  values: Record<F, string>,
): Partial<Record<F, string>> | null {
  const r = schema.safeParse(values);
  if (r.success) return null;
  const out: Partial<Record<F, string>> = {};
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? '') as F;
    if (field && !out[field]) out[field] = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  }
  return out;
}

/** Only same-site paths may be a "go back to" target after logging in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
