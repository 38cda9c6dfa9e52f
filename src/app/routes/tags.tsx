import { DirectoryPage } from './directory-page';

export default function TagsRoute() {
  return <DirectoryPage kind="tag" />;
}
