import { useEffect } from 'react';

let pageTitle = '';
let playing: string | null = null;

function render() {
  const base = pageTitle ? `${pageTitle} · Tokenly Music` : 'Tokenly Music';
  // The tab names the song while it plays (as a music app's tab does), the page otherwise.
  document.title = playing ? `▶ ${playing} · Tokenly Music` : base;
}

/** Each page names itself in the tab and for screen readers announcing the navigation. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    pageTitle = title;
    render();
  }, [title]);
}

/** The song playing now ("Song — Artist"), or null when nothing plays. */
export function setPlayingTitle(text: string | null): void {
  if (text === playing) return;
  playing = text;
  render();
}
