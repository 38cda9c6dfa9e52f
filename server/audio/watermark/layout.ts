import { KeyedRandom } from './prng.js';
import { CELLS, SYNC_CELLS, INFO_BITS } from './params.js';
import { codedLength } from './conv.js';

export const CODED_BITS = codedLength(INFO_BITS); // 258

/** Key-dependent assignment of the cells of one block. cell index = pair * BINS + band. */
export interface Layout {
  /** -1: sync cell, otherwise the coded bit carried by the cell */
  role: Int16Array;
  /** +1 / -1 polarity of the cell */
  sign: Int8Array;
  syncCells: Int32Array;
  /** cells of each coded bit: bitCells[bitStart[j] .. bitStart[j+1]) */
  bitCells: Int32Array;
  bitStart: Int32Array;
}

const cache = new Map<string, Layout>();

export function getLayout(key: string): Layout {
  const hit = cache.get(key);
  if (hit) return hit;
  const rnd = new KeyedRandom(key, 'layout');
  const order = new Int32Array(CELLS);
  for (let i = 0; i < CELLS; i++) order[i] = i;
  for (let i = CELLS - 1; i > 0; i--) {
    const j = rnd.below(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const role = new Int16Array(CELLS);
  const sign = new Int8Array(CELLS);
  for (let i = 0; i < CELLS; i++) {
    const c = order[i]!;
    role[c] = i < SYNC_CELLS ? -1 : (i - SYNC_CELLS) % CODED_BITS;
    sign[c] = rnd.sign();
  }
  const syncCells = new Int32Array(SYNC_CELLS);
  const counts = new Int32Array(CODED_BITS + 1);
  let ns = 0;
  for (let c = 0; c < CELLS; c++) {
    if (role[c]! < 0) syncCells[ns++] = c;
    else counts[role[c]! + 1]!++;
  }
  const bitStart = new Int32Array(CODED_BITS + 1);
  for (let j = 0; j < CODED_BITS; j++) bitStart[j + 1] = bitStart[j]! + counts[j + 1]!;
  const fill = bitStart.slice();
  const bitCells = new Int32Array(CELLS - SYNC_CELLS);
  for (let c = 0; c < CELLS; c++) if (role[c]! >= 0) bitCells[fill[role[c]!]!++] = c;
  const layout: Layout = { role, sign, syncCells, bitCells, bitStart };
  if (cache.size > 16) cache.clear();
  cache.set(key, layout);
  return layout;
}
