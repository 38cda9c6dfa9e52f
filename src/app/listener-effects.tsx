import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useAuth } from '@/features/account';
import { homeQueries } from '@/features/home';
import { useCurrentEntry, useStatus } from '@/features/player';
import { setPlayingTitle } from '@/lib/use-page-title';
import { contextOf } from './play-context';

/**
 * What the player's playback means elsewhere: the tab's title names the song playing, and each
 * song that starts playing is a play event of the listener's history (once per queue entry).
 */
export function ListenerEffects() {
  const entry = useCurrentEntry();
  const status = useStatus();
  const auth = useAuth();
  const reported = useRef<string | null>(null);
  const client = useQueryClient();
  const playing = status === 'playing' && entry;

  useEffect(() => {
    setPlayingTitle(playing ? `${entry.item.name} — ${entry.item.artist}` : null);
  }, [playing, entry]);

  useEffect(() => {
    if (!playing || !auth || reported.current === entry.key) return;
    reported.current = entry.key;
    const context = contextOf(entry.item.id);
    const event = { songId: entry.item.id, ...(context ? { context } : {}) };
    void import('@/features/home/lazy')
      .then((m) => m.reportPlay(auth, event))
      // the home page's "recently played" and "jump back in" follow
      .then(() => client.invalidateQueries({ queryKey: homeQueries.all() }));
  }, [playing, entry, auth, client]);
  return null;
}
