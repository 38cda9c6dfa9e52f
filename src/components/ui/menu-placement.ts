/** The CSS variable the player bar sets on <html> to the height it covers at the bottom. */
export const BOTTOM_INSET_VAR = '--player-inset';

export interface Placement {
  up: boolean;
  /** align the menu's left edge with the button's (it would leave the screen on the left otherwise) */
  alignLeft: boolean;
  maxHeight: number;
}

const GAP = 8;
const MIN_HEIGHT = 96;

/**
 * Where a menu of `menuHeight` × `menuWidth` fits next to `button`: below unless the room below
 * (down to the fixed player bar, or to the edge of a scrolling container such as the queue panel)
 * is too small and there is more above. Measured when the menu opens, as a person sees the page.
 */
export function placeMenu(button: HTMLElement, menuHeight: number, menuWidth: number): Placement {
  const r = button.getBoundingClientRect();
  const inset = parseFloat(getComputedStyle(document.documentElement).getPropertyValue(BOTTOM_INSET_VAR)) || 0;
  let top = 0;
  let bottom = window.innerHeight;
  // The fixed bar covers the page's bottom, except for a button that sits in the bar itself.
  if (r.bottom <= bottom - inset) bottom -= inset;
  for (let p = button.parentElement; p && p !== document.body; p = p.parentElement) {
    if (getComputedStyle(p).overflowY === 'visible') continue;
    const pr = p.getBoundingClientRect();
    top = Math.max(top, pr.top);
    bottom = Math.min(bottom, pr.bottom);
  }
  const below = bottom - r.bottom - GAP;
  const above = r.top - top - GAP;
  const up = below < menuHeight && above > below;
  return {
    up,
    alignLeft: r.right - menuWidth < 0,
    maxHeight: Math.max(MIN_HEIGHT, Math.min(menuHeight, up ? above : below)),
  };
}
