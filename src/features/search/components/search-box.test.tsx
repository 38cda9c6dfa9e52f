import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SuggestionOption } from '../api/suggest';
import { suggestQueries } from '../api/suggest';
import { SearchBox } from './search-box';

afterEach(cleanup);

const options: SuggestionOption[] = [
  { id: 'song-1', group: 'Songs', label: 'Jazz Café', detail: 'Ivory Lane · Quiet Hours', to: '/albums/a1?song=1' },
  { id: 'album-2', group: 'Albums', label: 'Jazz Nights', detail: 'Ivory Lane', to: '/albums/a2' },
  { id: 'artist-3', group: 'Artists', label: 'Jazzmin', detail: 'Artist', to: '/artists/p3' },
];

/** The box with its suggestions for "jaz" already known (the query's answer is seeded, not fetched). */
function renderBox() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(suggestQueries.options('jaz').queryKey, options);
  const onNavigate = vi.fn();
  render(
    <QueryClientProvider client={client}>
      <SearchBox onNavigate={onNavigate} />
    </QueryClientProvider>,
  );
  const box = screen.getByRole('combobox', { name: 'Search songs, albums and artists' });
  return { box, onNavigate };
}

async function typeJaz(box: HTMLElement) {
  vi.useFakeTimers();
  fireEvent.focus(box);
  fireEvent.change(box, { target: { value: 'jaz' } });
  await act(async () => {
    vi.advanceTimersByTime(200);
  });
  vi.useRealTimers();
  return screen.findByRole('listbox', { name: 'Suggestions' });
}

describe('the header search combobox', () => {
  it('groups the suggestions and walks them with the arrow keys, the box keeping focus', async () => {
    const { box } = renderBox();
    expect(box).toHaveAttribute('aria-expanded', 'false');
    const list = await typeJaz(box);
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(await within(list).findAllByRole('option')).toHaveLength(3);
    expect(within(list).getByRole('group', { name: 'Songs' })).toBeInTheDocument();
    expect(within(list).getByRole('group', { name: 'Albums' })).toBeInTheDocument();
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    const album = within(list).getByRole('option', { name: /Jazz Nights/ });
    expect(album).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', album.id);
    // up from the first option goes back to the box itself, then round to the last
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(box).not.toHaveAttribute('aria-activedescendant');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(within(list).getByRole('option', { name: /Jazzmin/ })).toHaveAttribute('aria-selected', 'true');
  });

  it('Enter opens the active option, or the full results when none is active', async () => {
    const { box, onNavigate } = renderBox();
    await typeJaz(box);
    await screen.findAllByRole('option');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onNavigate).toHaveBeenLastCalledWith('/search?q=jaz');
    fireEvent.focus(box);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onNavigate).toHaveBeenLastCalledWith('/albums/a1?song=1');
  });

  it('Escape closes the list, and a second Escape clears the box', async () => {
    const { box } = renderBox();
    await typeJaz(box);
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).toHaveValue('jaz');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(box).toHaveValue('');
  });
});
