/**
 * The encoding service's queue, as the rest of the server uses it: nobody else touches
 * `soundlinks_jobs`. Create a job, find it by its query credential, ask whether an upload has a job
 * in flight, and read the states of jobs to sync a dashboard with.
 */
export { createJob, inFlightJobForUpload, jobByQuery, jobStates, type JobRow, type JobState } from './jobs-repo.js';
export { soundlinks, type SoundlinksOptions } from './plugin.js';
export { encodedDir } from './routes.js';
