import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualList } from './virtual-list';

// jsdom has no layout and no ResizeObserver; the real one is exercised in the browser (bench/long-list.ts).
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// …and every box is 0 px high, which would make every row "visible": give rows a height.
const realRect = Element.prototype.getBoundingClientRect;
Element.prototype.getBoundingClientRect = function (this: Element) {
  return this.tagName === 'LI' ? new DOMRect(0, 0, 800, 40) : realRect.call(this);
};

window.scrollTo = () => {};
afterEach(cleanup);

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: `Song ${i + 1}` }));

function renderList(n: number) {
  render(
    <VirtualList
      as="ol"
      items={items(n)}
      label="Songs"
      getKey={(s) => s.id}
      renderItem={(s, _i, rowProps) => (
        <li {...rowProps} aria-label={s.name}>
          {s.name}
        </li>
      )}
    />,
  );
  return within(screen.getByRole('list', { name: 'Songs' }));
}

describe('VirtualList', () => {
  it('renders a short list whole, in order', () => {
    const list = renderList(50);
    const rows = list.getAllByRole('listitem');
    expect(rows).toHaveLength(50);
    expect(rows[49]).toHaveAccessibleName('Song 50');
  });

  it('keeps only a window of a 10,000-row list in the DOM, each row saying where it stands', () => {
    const list = renderList(10_000);
    const rows = list.getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(300);
    expect(rows[0]).toHaveAttribute('aria-posinset', '1');
    expect(rows[0]).toHaveAttribute('aria-setsize', '10000');
    // the list keeps the height of all its rows, so the scrollbar tells how long it is
    expect(parseInt(screen.getByRole('list').style.height, 10)).toBeGreaterThan(10_000 * 30);
  });
});
