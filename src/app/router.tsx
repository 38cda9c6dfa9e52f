import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { Skeleton } from '@/components/ui/query-state';
import { Layout } from './layout';

// Each page is its own chunk, loaded when first visited.
const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const router = createBrowserRouter([
  {
    element: <Layout />,
    // The first page's chunk loads before the first render; this shows while it does.
    hydrateFallbackElement: <Skeleton className="m-6 h-64" />,
    children: [
      { index: true, lazy: page(() => import('./routes/home')) },
      { path: 'albums', lazy: page(() => import('./routes/catalog')) },
      { path: 'albums/:albumId', lazy: page(() => import('./routes/album')) },
      { path: 'artists', lazy: page(() => import('./routes/artists')) },
      { path: 'artists/:profileId', lazy: page(() => import('./routes/artist')) },
      { path: 'search', lazy: page(() => import('./routes/search')) },
      { path: 'genres', lazy: page(() => import('./routes/genres')) },
      { path: 'tags', lazy: page(() => import('./routes/tags')) },
      { path: 'my-songs', lazy: page(() => import('./routes/my-songs')) },
      { path: 'profile', lazy: page(() => import('./routes/profile')) },
      { path: 'users/:username', lazy: page(() => import('./routes/user-profile')) },
      { path: 'credits', lazy: page(() => import('./routes/credits')) },
      { path: 'playlists', lazy: page(() => import('./routes/playlists')) },
      { path: 'playlists/:name', lazy: page(() => import('./routes/playlist')) },
      { path: 'shared-playlist', lazy: page(() => import('./routes/shared-playlist')) },
      { path: 'p/:token', lazy: page(() => import('./routes/shared-live-playlist')) },
      { path: 'artist', lazy: page(() => import('./routes/artist-dashboard')) },
      { path: 'artist/releases', lazy: page(() => import('./routes/artist-releases')) },
      { path: 'artist/releases/:albumId', lazy: page(() => import('./routes/artist-release')) },
      { path: 'artist/profile', lazy: page(() => import('./routes/artist-profile')) },
      { path: 'artist/earnings', lazy: page(() => import('./routes/artist-earnings')) },
      { path: 'login', lazy: page(() => import('./routes/login')) },
      { path: 'register', lazy: page(() => import('./routes/register')) },
      { path: 'forgot-password', lazy: page(() => import('./routes/forgot-password')) },
      { path: 'reset-password', lazy: page(() => import('./routes/reset-password')) },
      { path: 'library', lazy: page(() => import('./routes/library')) },
      { path: 'settings', lazy: page(() => import('./routes/settings')) },
      { path: '*', lazy: page(() => import('./routes/not-found')) },
    ],
  },
]);
