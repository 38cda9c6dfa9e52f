import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoticeBanner } from '@/components/ui/notice-banner';
import { catalogQueries } from '@/features/catalog';
import { playerActions } from '@/features/player';
import AlbumRoute from './album';
import { album, renderPage, track } from '../test-pages';

const songs = [
  track(1, 'Blue Hour'),
  track(2, 'Night Bus'),
  track(3, 'Vault Tape', { publicStreamable: false, tokens: ['VAULT'] }),
];

function renderAlbum() {
  return renderPage(<AlbumRoute />, {
    path: `/albums/${album.id}`,
    route: '/albums/:albumId',
    data: [
      [catalogQueries.album(album.id).queryKey, album],
      [catalogQueries.albumSongs(album.id).queryKey, songs],
    ],
  });
}

const row = (name: string) => within(screen.getByRole('list', { name: 'Tracks' })).getByRole('listitem', { name });
const queued = (fn: ReturnType<typeof vi.fn>) => (fn.mock.calls[0]![0] as { id: string }[]).map((x) => x.id);

let playNext: ReturnType<typeof vi.fn>;
let enqueue: ReturnType<typeof vi.fn>;
let playSongs: ReturnType<typeof vi.fn>;
beforeEach(() => {
  playNext = vi.spyOn(playerActions, 'playNext').mockImplementation(() => undefined) as never;
  enqueue = vi.spyOn(playerActions, 'enqueue').mockImplementation(() => undefined) as never;
  playSongs = vi.spyOn(playerActions, 'playSongs').mockResolvedValue(undefined) as never;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the album page', () => {
  it('shows the album with its length, every row with its access, Play and Shuffle for the whole album', async () => {
    renderAlbum();
    expect(screen.getByRole('heading', { level: 1, name: 'Quiet Hours' })).toBeInTheDocument();
    expect(screen.getByLabelText('Total length 9 min 15 s')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Tracks' })).getAllByRole('listitem')).toHaveLength(3);
    expect(within(row('Blue Hour')).getByText('1 credit')).toBeInTheDocument();
    // a locked row has no play button, and says what unlocks it
    expect(within(row('Vault Tape')).queryByRole('button', { name: 'Play Vault Tape' })).toBeNull();
    expect(within(row('Vault Tape')).getByText(/Locked — needs VAULT/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Play Quiet Hours' }));
    expect(playSongs).toHaveBeenCalledTimes(1);
    expect((playSongs.mock.calls[0]![0] as { id: string }[]).map((x) => x.id)).toEqual(['song-1', 'song-2']);
    expect(playSongs.mock.calls[0]![1]).toBe(0);
    // the title is the row's one primary action: it plays the album from that row
    await userEvent.click(screen.getByRole('button', { name: 'Play Night Bus' }));
    expect(playSongs.mock.calls[1]![1]).toBe(1);
    // Shuffle turns the player's shuffle on and plays the playable rows
    const toggle = vi.spyOn(playerActions, 'toggleShuffle').mockImplementation(() => undefined);
    await userEvent.click(screen.getByRole('button', { name: 'Shuffle Quiet Hours' }));
    expect(toggle).toHaveBeenCalledTimes(1);
    expect((playSongs.mock.calls[2]![0] as { id: string }[]).map((x) => x.id)).toEqual(['song-1', 'song-2']);
  });

  it('opens a row\'s "More" menu from its button: play next, add to queue, go to artist, share', async () => {
    const { location } = renderAlbum();
    const more = within(row('Blue Hour')).getByRole('button', { name: 'More actions for Blue Hour' });
    expect(more).toHaveAttribute('aria-haspopup', 'menu');
    await userEvent.click(more);
    const menu = screen.getByRole('menu', { name: 'More actions for Blue Hour' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((i) => i.textContent),
    ).toEqual(['Play next', 'Add to queue', 'Go to artist', 'Share']);
    expect(within(menu).getByRole('menuitem', { name: 'Play next' })).toHaveFocus();
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Play next' }));
    expect(queued(playNext)).toEqual(['song-1']);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(more).toHaveFocus();

    await userEvent.click(more);
    await userEvent.click(screen.getByRole('menuitem', { name: 'Go to artist' }));
    expect(location()).toBe('/artists/artist-1');
  });

  it('opens the same menu as a context menu: right-click, then the arrow keys and Enter', async () => {
    renderAlbum();
    fireEvent.contextMenu(row('Night Bus'));
    const menu = screen.getByRole('menu', { name: 'More actions for Night Bus' });
    expect(within(menu).getByRole('menuitem', { name: 'Play next' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(within(menu).getByRole('menuitem', { name: 'Add to queue' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(queued(enqueue)).toEqual(['song-2']);
  });

  it('opens it with the menu key or Shift+F10 on a row; Escape closes it and focus goes back to "More"', async () => {
    renderAlbum();
    const title = screen.getByRole('button', { name: 'Play Blue Hour' });
    title.focus();
    fireEvent.keyDown(title, { key: 'ContextMenu' });
    expect(screen.getByRole('menu', { name: 'More actions for Blue Hour' })).toBeInTheDocument();
    await userEvent.keyboard('{End}');
    expect(screen.getByRole('menuitem', { name: 'Share' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByRole('button', { name: 'More actions for Blue Hour' })).toHaveFocus();

    fireEvent.keyDown(screen.getByRole('button', { name: 'Play Night Bus' }), { key: 'F10', shiftKey: true });
    expect(screen.getByRole('menu', { name: 'More actions for Night Bus' })).toBeInTheDocument();
  });

  it('shares a link to the row (the clipboard when there is no share sheet) and says so', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderAlbum();
    render(<NoticeBanner />);
    await userEvent.click(within(row('Blue Hour')).getByRole('button', { name: 'More actions for Blue Hour' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Share' }));
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/albums/album-1?song=song-1`);
    expect(await screen.findByText('Link to “Blue Hour” copied.')).toBeInTheDocument();
  });

  it('offers only "Share" and "Go to artist" on a locked row (nothing to queue)', async () => {
    renderAlbum();
    await userEvent.click(screen.getByRole('button', { name: 'More actions for Vault Tape' }));
    const items = within(screen.getByRole('menu')).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['Go to artist', 'Share']);
  });
});
