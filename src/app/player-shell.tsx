import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, type ReactNode } from 'react';
import { HandoffOffer, HandoffPanel, lookForOffer, startHandoff } from '@/features/handoff';
import { LyricsView } from '@/features/lyrics';
import { actions as session } from '@/features/account';
import { creditsQueries } from '@/features/credits';
import {
  configurePlayer,
  continuePlayback,
  LazyPlayerBar,
  onPlaybackEvent,
  playerSnapshot,
  playerActions,
  playInOneTab,
  setUpMediaSession,
  warmUpPlayer,
  type PlayerPanel,
  type QueueEntry,
} from '@/features/player';

/** The player's panels from other features: a new one is added here, not in the bar. */
const PANELS: PlayerPanel[] = [
  {
    id: 'lyrics',
    label: 'Lyrics',
    glyph: '♪',
    inNowPlaying: true,
    render: ({ item, usePosition, seek }) => (
      <LyricsView
        key={item.id}
        songId={item.id}
        albumId={item.albumId}
        songName={item.name}
        usePosition={usePosition}
        onSeek={seek}
      />
    ),
  },
  { id: 'devices', label: 'Devices', glyph: '⇄', render: () => <HandoffPanel /> },
];

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
    // Continue on another device: the player's state goes to the server as it plays.
    const offHandoff = startHandoff({
      getAuth: () => session.current(),
      onPlaybackEvent,
      snapshot: () => playerSnapshot(),
      pause: () => void playerActions.pause(),
      seek: (sec) => void playerActions.seek(sec),
      continuePlayback,
    });
    const offHandoffSession = session.subscribe(() => void lookForOffer());
    const offTabs = playInOneTab(() => void playerActions.pause());
    // Howler loads while the browser is idle, so the first click does not wait for it.
    const idle = window.requestIdleCallback
      ? window.requestIdleCallback(() => warmUpPlayer(), { timeout: 3000 })
      : window.setTimeout(() => warmUpPlayer(), 1500);
    return () => {
      offSession();
      offMedia();
      offHandoff();
      offHandoffSession();
      offTabs();
      if (window.cancelIdleCallback) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [client]);
  return (
    <Suspense fallback={null}>
      <LazyPlayerBar queueActions={queueActions} panels={PANELS} />
      <HandoffOffer />
    </Suspense>
  );
}
