import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Earnings } from '@contract/money';

/**
 * Credits earned per day (bars) and plays (line), drawn by uPlot. The chart is a picture of the
 * table below it, so it is hidden from screen readers, which read the table.
 */
export function EarningsChart({ days }: { days: Earnings['days'] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const text = getComputedStyle(el).color;
    const grid = 'rgba(127,127,127,0.2)';
    const xs = days.map((d) => Date.parse(`${d.day}T00:00:00Z`) / 1000);
    const credits = days.map((d) => d.creditsSat / 1e8);
    const plays = days.map((d) => d.plays);
    const axis = { stroke: text, grid: { stroke: grid }, ticks: { stroke: grid } };
    const plot = new uPlot(
      {
        width: el.clientWidth,
        height: 240,
        scales: { x: { time: true }, credits: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        series: [
          {},
          {
            label: 'Credits',
            scale: 'credits',
            stroke: '#7c3aed',
            fill: 'rgba(124,58,237,0.35)',
            paths: uPlot.paths.bars!({ size: [0.7, 40] }),
            points: { show: false },
          },
          { label: 'Plays', scale: 'plays', stroke: '#0d9488', width: 2 },
        ],
        axes: [
          axis,
          { ...axis, scale: 'credits', label: 'credits' },
          { ...axis, scale: 'plays', side: 1, label: 'plays', grid: { show: false } },
        ],
        legend: { show: true },
      },
      [xs, credits, plays],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: 240 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [days]);
  return (
    <div
      ref={box}
      aria-hidden="true"
      data-testid="earnings-chart"
      className="w-full text-slate-700 dark:text-slate-300"
    />
  );
}
