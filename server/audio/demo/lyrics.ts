/**
 * The demo catalog's lyrics: a few songs with plain lyrics and a few time-tagged (LRC), so that a
 * fresh start shows both in the player. Time tags are spread over the song's length.
 */

const TIMED: Record<string, string[]> = {
  'color/Ears on the Ground': [
    'Ears on the ground, listen for the sound',
    'Of a city waking slow',
    'Every step a beat, every street a song',
    'Hum it where the cables go',
    'Ears on the ground',
    'Ears on the ground',
    'Hear the colour coming through',
    'Ears on the ground, and the ground hears you',
  ],
  'keys/Rain on Ivory': [
    'Rain on the ivory, rain on the glass',
    'Counting the minutes that slowly pass',
    'One key for Monday, two keys for the grey',
    'Play me the weather and wash it away',
    'Rain on the ivory',
    'Rain, let it stay',
  ],
  'deep/Whale Song': [
    'Down where the light gives up',
    'A long voice rolls through blue',
    'Calling across the miles',
    'Is anyone calling too?',
    'Down, down, down',
    'Singing the deep back to you',
  ],
};

const PLAIN: Record<string, string> = {
  "color/The Banana Stands' Lament": `There was always money in the banana stand
Nobody listened, nobody planned

Now the stand is empty and the summer's gone
But I keep the lights on, I keep the lights on`,
  'color/Night Bus Home': `Window seat, the city in a smear of gold
Driver hums a tune he's never told
Every stop a name I almost know
Night bus home, take it slow`,
  'circuit/Hash Rate Heart': `My heart runs hot at a thousand tries a second
Guessing at the number you would choose
Every block I find, I find you waiting
Every block I lose, I lose`,
  'kitchen/Dishes Can Wait': `Leave the plates, leave the pan
Put the kettle on again
One more tune around the table
Dishes can wait, dishes can wait`,
};

const tag = (sec: number) => {
  const cs = Math.round(sec * 100);
  const mm = String(Math.floor(cs / 6000)).padStart(2, '0');
  const ss = String(Math.floor((cs % 6000) / 100)).padStart(2, '0');
  return `[${mm}:${ss}.${String(cs % 100).padStart(2, '0')}]`;
};

/** A demo song's lyrics ('' for none): time-tagged lines start at 1 s and share the song's length. */
export function demoLyrics(albumKey: string, songName: string, durationSec: number): string {
  const key = `${albumKey}/${songName}`;
  const timed = TIMED[key];
  if (timed) {
    const step = Math.min(5, Math.max(1, (durationSec - 3) / timed.length));
    return timed.map((line, i) => `${tag(1 + i * step)}${line}`).join('\n');
  }
  return PLAIN[key] ?? '';
}
