/**
 * Watermark geometry. Everything runs on a mono mix resampled to RATE.
 *
 *  - STFT: FFT_SIZE-point sine (sqrt-Hann) window, HOP hop; marks are multiplicative gains on STFT bins
 *    BIN_LO..BIN_LO+BINS*BAND_W-1 (861 Hz .. 4264 Hz), held constant over a SLOT (2 hops = 23 ms).
 *  - bins are grouped by BAND_W into BINS bands; slots come in pairs (A, B): B gets the inverse gain
 *    of A, so the detector reads a cell as v(A) - v(B) (stationary host cancels, mark doubles).
 *  - a cell = (slot pair, band); a block = PAIRS x BINS = 1280 cells (2.97 s), repeated end to end through
 *    the song. 1/8 of the cells carry a key-random sync pattern, the rest carry the 258 coded bits
 *    (64-bit ID + CRC-16, rate-1/3 K=7 convolutional code), each bit on 4-5 key-random cells per block
 *    with key-random signs.
 */
export const RATE = 22050;
export const FFT_SIZE = 512;
export const HOP = 256;
export const HOPS_PER_SLOT = 2;
export const SLOT = HOP * HOPS_PER_SLOT; // 512 samples
/** analysis frames per slot used by the detector (frame starts 0, HOP, ... inside the slot) */
export const FRAMES_PER_SLOT = 1;
/** detector sub-hop for the fine synchronisation search */
export const FINE_HOP = 64;
export const FINE_PER_SLOT = SLOT / FINE_HOP; // 8
export const FINE_PER_HOP = HOP / FINE_HOP; // 4
export const BIN_LO = 20;
/** adjacent FFT bins that share one gain (a per-bin random pattern is blurred by the window's main lobe) */
export const BAND_W = 4;
/** marked bands per slot */
export const BINS = 20;
/** slots per block; slots come in pairs (A, B) where B carries the inverted gains of A */
export const PERIOD = 128;
export const PAIRS = PERIOD / 2;
export const CELLS = PAIRS * BINS;
export const SYNC_CELLS = CELLS / 8;
export const ID_BITS = 64;
export const INFO_BITS = 80; // ID + CRC-16
/** reference log-magnitude change of a marked cell (0.1 ~ +-0.9 dB); rescaled to the target SNR */
export const DEFAULT_STRENGTH = 0.1;
/** power floor for log-magnitudes (keeps silence finite and uninformative) */
export const POWER_FLOOR = 1e-6;
/** clip for per-cell detector statistics, in units of the pair's standard deviation */
export const CELL_CLIP = 2.5;
/** variance floor for the per-pair reliability weighting */
export const NOISE_FLOOR_VAR = 0.0025;
/** sub-band width (bands) for removing the common-mode level change between the slots of a pair */
export const SUBBAND = 20;
