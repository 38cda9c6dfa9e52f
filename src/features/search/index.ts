/** The search feature's public API: nothing else of this folder is imported from outside. */
export { searchQueries } from './api/queries';
export { suggestQueries } from './api/suggest';
export { BrowseAll } from './components/browse-all';
export { DirectoryList } from './components/directory-list';
export { SearchBox } from './components/search-box';
export { SearchForm } from './components/search-form';
export { describeFilters, hasFilters, parseSearch, toSearchParams } from './lib/search-params';
export type { SearchCriteria } from './lib/search-params';
