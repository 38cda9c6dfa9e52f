export { encodeFile } from './api/mutations';
export { encodingQueries } from './api/queries';
export { EncodingDashboard } from './components/encoding-dashboard';
