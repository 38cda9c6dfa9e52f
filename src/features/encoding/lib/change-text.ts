/**
 * How the verify tool names the change a mark was read through (the verify answer's `factor`):
 * "speed change of +2.0% (×1.020)", "tempo change of -3.0% (×0.970)", "pitch shift of +1.00 semitones".
 */
export function changeText(f: { change: string; value: number }): string {
  if (f.change === 'pitch') {
    const st = 12 * Math.log2(f.value);
    return `pitch shift of ${st >= 0 ? '+' : ''}${st.toFixed(2)} semitones`;
  }
  const pct = (f.value - 1) * 100;
  return `${f.change} change of ${pct >= 0 ? '+' : ''}${pct.toFixed(1)}% (×${f.value.toFixed(3)})`;
}
