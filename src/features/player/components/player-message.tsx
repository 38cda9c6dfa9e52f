import { Link, useLocation } from 'react-router';
import { safeHref } from '@/lib/markdown';
import { useCurrentEntry, useLastCharge, useMessage, useStatus } from '../store';

const amount = (n: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 8 }).format(n);

/** Why the song does not play (refused, failed), or what the last paid listen cost. */
export function PlayerMessage() {
  const message = useMessage();
  const charge = useLastCharge();
  const status = useStatus();
  const entry = useCurrentEntry();
  const location = useLocation();
  if (message?.kind === 'login') {
    // The queue is kept across the log-in, so the same song is waiting in the bar on return.
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <p role="alert" className="px-4 pt-2 text-sm text-slate-800 dark:text-slate-200">
        <Link to={`/login?next=${next}`} className="font-medium text-brand-700 underline dark:text-brand-400">
          Log in to listen
        </Link>
        {entry ? ` to “${entry.item.name}”` : ''}. New here? Accounts start with free credits.
      </p>
    );
  }
  if (message?.kind === 'refused') {
    const market = message.unlockUrl ? safeHref(message.unlockUrl) : null;
    const needsToken = message.requiredTokens.length > 0 && !/credits/i.test(message.text);
    return (
      <div role="alert" className="px-4 pt-2 text-sm text-red-800 dark:text-red-300">
        <p className="font-medium">{message.text}</p>
        <p>
          {needsToken ? (
            <>
              Hold {message.requiredTokens.join(' or ')} to unlock it
              {market ? (
                <>
                  {': '}
                  <a href={market} target="_blank" rel="noopener noreferrer" className="underline">
                    get {message.requiredTokens[0]} from the artist&apos;s market
                  </a>
                </>
              ) : null}
              .
            </>
          ) : (
            <>
              Your balance: {amount(message.balanceFloat)} credits.{' '}
              <Link to="/credits" className="underline">
                Get credits
              </Link>
            </>
          )}
        </p>
      </div>
    );
  }
  if (message) {
    return (
      <p
        role={message.kind === 'error' ? 'alert' : 'status'}
        className={`px-4 pt-2 text-sm ${message.kind === 'error' ? 'text-red-800 dark:text-red-300' : 'text-slate-700 dark:text-slate-300'}`}
      >
        {message.text}
      </p>
    );
  }
  return (
    <p role="status" className="px-4 pt-1 text-xs text-slate-600 dark:text-slate-400">
      {/* a change of song is announced, as the sighted see the bar change */}
      {status === 'playing' && entry ? <span className="sr-only">Now playing: {entry.item.name}. </span> : null}
      {status === 'loading' ? 'Loading…' : ''}
      {charge && status !== 'loading'
        ? `Paid ${amount(charge.chargedFloat)} credits · balance ${amount(charge.balanceFloat)} credits`
        : ''}
    </p>
  );
}
