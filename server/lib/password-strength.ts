import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { HttpError } from './errors.js';

/** zxcvbn's score (0-4) a new password must reach: 2 resists online guessing, which the login limits slow further. */
export const MIN_PASSWORD_SCORE = 2;

let factory: ZxcvbnFactory | undefined;
const estimator = () => (factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

const WHY: Record<string, string> = {
  topTen: 'it is one of the most used passwords',
  topHundred: 'it is one of the most used passwords',
  common: 'it is a commonly used password',
  similarToCommon: 'it is too close to a commonly used password',
  wordByItself: 'a single word is easy to guess',
  namesByThemselves: 'a name on its own is easy to guess',
  commonNames: 'common names are easy to guess',
  userInputs: 'it is too close to your username or email',
  straightRow: 'a row of keys is easy to guess',
  keyPattern: 'a keyboard pattern is easy to guess',
  simpleRepeat: 'repeated characters are easy to guess',
  extendedRepeat: 'repeated patterns are easy to guess',
  sequences: 'a sequence like 1234 or abcd is easy to guess',
  recentYears: 'recent years are easy to guess',
  dates: 'dates are easy to guess',
};

/**
 * Refuses a password that a guesser would find quickly (common passwords, keyboard rows, the user's
 * own name), with a message that says why and what to do instead.
 */
export function checkPasswordStrength(password: string, userInputs: string[]): void {
  const inputs = userInputs.flatMap((s) => [s, s.split('@')[0] ?? s]).filter((s) => s.length > 0);
  const r = estimator().check(password, inputs);
  if (r.score >= MIN_PASSWORD_SCORE) return;
  const why = (r.feedback.warning && WHY[r.feedback.warning]) || 'it is too easy to guess';
  throw new HttpError(
    422,
    `password is too easy to guess (${why}): use a longer one, e.g. a few unrelated words, and not your username`,
  );
}
