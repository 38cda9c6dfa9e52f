import { createBrowserRouter } from 'react-router';
import { Layout } from './layout';

// Each page is its own chunk, loaded when first visited.
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./routes/catalog')).default }) },
      { path: '*', lazy: async () => ({ Component: (await import('./routes/not-found')).default }) },
    ],
  },
]);
