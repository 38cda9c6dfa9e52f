import { formatClock } from '@/lib/clock';

/** m:ss (or h:mm:ss) for the seek bar and the queue: whole seconds played, never ahead. */
export const formatTime = (sec: number): string => formatClock(sec, Math.floor);
