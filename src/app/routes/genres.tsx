import { DirectoryPage } from './directory-page';

export default function GenresRoute() {
  return <DirectoryPage kind="genre" />;
}
