import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { Credentials } from '@contract/account';
import {
  encodingJobSchema,
  soundlinksEncodingAnswerSchema,
  soundlinksRequestSchema,
  uploadTicketSchema,
  verifyResultSchema,
  type EncodingJob,
} from '@contract/encoding';
import { apiRequest } from '@/lib/api-client';
import { putFile, type PutProgress } from '../lib/put-file';
import { encodingQueries } from './queries';

/** Asks for a signed upload URL, then sends the bytes there with progress; answers the upload's id. */
export async function uploadFile(
  auth: Credentials,
  file: File,
  purpose: 'encode' | 'verify',
  onProgress: (p: PutProgress) => void,
  signal: AbortSignal,
): Promise<string> {
  const ticket = await apiRequest({
    method: 'POST',
    path: '/api/v1/artist/uploads',
    body: { name: file.name, size: file.size, type: file.type, purpose },
    schema: uploadTicketSchema,
    auth,
    signal,
  });
  await putFile(ticket.uploadUrl, file, onProgress, signal);
  return ticket.id;
}

/** An uploaded song becomes a job of the artist's list (status "uploaded"). */
export function useCreateJob(auth: Credentials) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (uploadId: string) =>
      apiRequest({
        method: 'POST',
        path: '/api/v1/artist/encodings',
        body: { uploadId },
        schema: encodingJobSchema,
        auth,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: encodingQueries.jobs(auth).queryKey }),
  });
}

/**
 * Submits a job to Soundlinks as the document describes: the server signs the request token for
 * this artist (the app never holds the app secret), the app sends {"data": <JWT>} to the endpoint,
 * then tells the server the query credential it got, so that the job list follows it.
 */
export async function submitJob(auth: Credentials, client: QueryClient, job: EncodingJob): Promise<EncodingJob> {
  const config = await client.fetchQuery(encodingQueries.config());
  const { data } = await apiRequest({
    method: 'POST',
    path: '/api/v1/soundlinks/sign',
    body: { mtd: 'POST', url: '/v3/sl/encoding', arg: { src: job.src, artist: job.artist } },
    schema: soundlinksRequestSchema,
    auth,
  });
  const { query } = await apiRequest({
    method: 'POST',
    path: `${config.endpoint}/encoding`,
    body: { data },
    schema: soundlinksEncodingAnswerSchema,
  });
  return apiRequest({
    method: 'POST',
    path: `/api/v1/artist/encodings/${job.id}/submitted`,
    body: { query },
    schema: encodingJobSchema,
    auth,
  });
}

export function useSubmitJob(auth: Credentials) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (job: EncodingJob) => submitJob(auth, client, job),
    onSettled: () => client.invalidateQueries({ queryKey: encodingQueries.jobs(auth).queryKey }),
  });
}

/** Upload, job and submission in one go (a release's dropped files): answers the submitted job. */
export async function encodeFile(
  auth: Credentials,
  client: QueryClient,
  file: File,
  onProgress: (p: PutProgress) => void,
  signal: AbortSignal,
): Promise<EncodingJob> {
  const uploadId = await uploadFile(auth, file, 'encode', onProgress, signal);
  const job = await apiRequest({
    method: 'POST',
    path: '/api/v1/artist/encodings',
    body: { uploadId },
    schema: encodingJobSchema,
    auth,
  });
  const submitted = await submitJob(auth, client, job);
  void client.invalidateQueries({ queryKey: encodingQueries.jobs(auth).queryKey });
  return submitted;
}

export function useRetryJob(auth: Credentials) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (job: EncodingJob) =>
      apiRequest({ method: 'POST', path: `/api/v1/artist/encodings/${job.id}/retry`, schema: encodingJobSchema, auth }),
    onSettled: () => client.invalidateQueries({ queryKey: encodingQueries.jobs(auth).queryKey }),
  });
}

/** Deletes the job's upload (and with it the job and its encoded result): frees the artist's quota. */
export function useDeleteJob(auth: Credentials) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (job: EncodingJob) =>
      apiRequest({ method: 'DELETE', path: `/api/v1/artist/uploads/${job.uploadId}`, schema: z.object({}), auth }),
    onSettled: () => client.invalidateQueries({ queryKey: encodingQueries.jobs(auth).queryKey }),
  });
}

export function verifyUpload(auth: Credentials, uploadId: string) {
  return apiRequest({
    method: 'POST',
    path: '/api/v1/artist/verify',
    body: { uploadId },
    schema: verifyResultSchema,
    auth,
  });
}
