import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, type ReactNode } from 'react';
import { actions as session } from '../features/account/store';
import { creditsQueries } from '../features/credits/api/queries';
import {
  configurePlayer,
  LazyPlayerBar,
  playerActions,
  playInOneTab,
  setUpMediaSession,
  warmUpPlayer,
  type QueueEntry,
} from '../features/player';

/**
 * Wires the player into the app: who listens (the session), what an authorization changes
 * elsewhere (the credits balance), the system media controls, and the bar itself. Features do not
 * import each other; this shell is where they meet.
 */
export function PlayerShell({ queueActions }: { queueActions?: (entry: QueueEntry, index: number) => ReactNode }) {
  const client = useQueryClient();
  useEffect(() => {
    configurePlayer({
      getAuth: () => session.current(),
      onAuthorized: (_songId, answer) => {
        const auth = session.current();
        if (!auth) return;
        // Every answer carries the balance after the decision: the balance shown anywhere follows.
        client.setQueryData(creditsQueries.balance(auth).queryKey, {
          balanceFloat: answer.balanceFloat,
          balanceSat: answer.balanceSat,
        });
        if (answer.chargedSat > 0) void client.invalidateQueries({ queryKey: creditsQueries.mine(auth) });
      },
    });
    let listener = session.current()?.id ?? null;
    const offSession = session.subscribe((credentials) => {
      // Signed out, or another listener signed in: nothing of the previous one keeps playing.
      if ((credentials?.id ?? null) !== listener) playerActions.reset();
      listener = credentials?.id ?? null;
    });
    const offMedia = setUpMediaSession();
    const offTabs = playInOneTab(() => void playerActions.pause());
    // Howler loads while the browser is idle, so the first click does not wait for it.
    const idle = window.requestIdleCallback
      ? window.requestIdleCallback(() => warmUpPlayer(), { timeout: 3000 })
      : window.setTimeout(() => warmUpPlayer(), 1500);
    return () => {
      offSession();
      offMedia();
      offTabs();
      if (window.cancelIdleCallback) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [client]);
  return (
    <Suspense fallback={null}>
      <LazyPlayerBar queueActions={queueActions} />
    </Suspense>
  );
}
