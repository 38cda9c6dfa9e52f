import { useQuery } from '@tanstack/react-query';
import { encodingQueries } from '../api/queries';

/** A file's loudness over time; the graphic is named for screen readers. */
export function Waveform({ url, label }: { url: string; label: string }) {
  const peaks = useQuery(encodingQueries.peaks(url));
  if (peaks.isError)
    return <p className="text-sm text-slate-600 dark:text-slate-400">The waveform could not be drawn.</p>;
  if (!peaks.data) {
    return (
      <p className="h-16 animate-pulse rounded bg-slate-100 p-2 text-sm dark:bg-slate-800">Drawing the waveform…</p>
    );
  }
  const w = 2;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${peaks.data.length * w} 64`}
      preserveAspectRatio="none"
      className="h-16 w-full text-brand-700 dark:text-brand-400"
    >
      {peaks.data.map((p, i) => {
        const h = Math.max(1, p * 60);
        return <rect key={i} x={i * w} y={32 - h / 2} width={w * 0.7} height={h} fill="currentColor" />;
      })}
    </svg>
  );
}
