import { z } from 'zod';

/**
 * The artist's encoding dashboard (an extension of the Tokenly API for the Soundlinks flow) and the
 * Soundlinks wire shapes the app sends and reads.
 */

/** Audio an artist may upload: checked in the browser before sending and by content on the server. */
export const UPLOAD_TYPES = [
  'audio/mpeg',
  'audio/mp3',
  'audio/wav',
  'audio/x-wav',
  'audio/wave',
  'audio/flac',
  'audio/ogg',
];
export const UPLOAD_EXTENSIONS = ['.mp3', '.wav', '.flac', '.ogg'];
export const UPLOAD_MAX_BYTES = 100 * 1024 * 1024;

export const artistMeSchema = z.object({
  artist: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type ArtistMe = z.infer<typeof artistMeSchema>;

/** Where the app sends Soundlinks requests: always this server's /v3/sl, which relays to SOUNDLINKS_URL if set. */
export const soundlinksConfigSchema = z.object({
  endpoint: z.string(),
  mode: z.enum(['embedded', 'external']),
});

export const uploadBodySchema = z.object({
  name: z.string({ message: 'name (the file name) is required' }).trim().min(1, 'name is required').max(200),
  size: z
    .number({ message: 'size (in bytes) is required' })
    .int('size must be a whole number of bytes')
    .min(1, 'the file is empty')
    .max(UPLOAD_MAX_BYTES, `the file is too large (limit ${UPLOAD_MAX_BYTES / 1024 / 1024} MB)`),
  type: z.string({ message: 'type is required' }).refine((t) => t === '' || UPLOAD_TYPES.includes(t), {
    message: 'type must be an audio file type: MP3, WAV, FLAC or Ogg',
  }),
  purpose: z.enum(['encode', 'verify'], { message: 'purpose must be "encode" or "verify"' }).default('encode'),
});
export type UploadBody = z.input<typeof uploadBodySchema>;

export const uploadTicketSchema = z.object({
  id: z.string(),
  /** PUT the bytes here (signed, short-lived; no other credentials needed) */
  uploadUrl: z.string(),
  expiresAt: z.string(),
});
export type UploadTicket = z.infer<typeof uploadTicketSchema>;

export const storedUploadSchema = z.object({ id: z.string(), size: z.number().int(), type: z.string() });

export const JOB_STATUSES = ['uploaded', 'submitted', 'processing', 'complete', 'failed'] as const;
export const encodingJobSchema = z.object({
  id: z.string(),
  uploadId: z.string(),
  fileName: z.string(),
  artist: z.string(),
  status: z.enum(JOB_STATUSES),
  message: z.string(),
  attempts: z.number().int(),
  /** the link the Soundlinks service fetches (a signed link to the upload); also plays the original */
  src: z.string(),
  query: z.string().nullable(),
  uploadedAt: z.string(),
  submittedAt: z.string().nullable(),
  processingAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  resultUrl: z.string().nullable(),
  markId: z.string().nullable(),
});
export type EncodingJob = z.infer<typeof encodingJobSchema>;
export const encodingJobListSchema = z.array(encodingJobSchema);

export const createJobBodySchema = z.object({ uploadId: z.string({ message: 'uploadId is required' }).uuid() });
export const submittedBodySchema = z.object({
  query: z.string({ message: 'query (the credential the service answered) is required' }).min(1).max(200),
});

/** Asks the server to sign a Soundlinks request token (it holds APP_SECRET; the browser never does). */
export const signBodySchema = z.object({
  mtd: z.literal('POST', { message: 'mtd must be POST' }),
  url: z.enum(['/v3/sl/encoding', '/v3/sl/query'], { message: 'url must be /v3/sl/encoding or /v3/sl/query' }),
  arg: z.record(z.string(), z.unknown(), { message: 'arg must be an object of parameters' }),
});
export type SignBody = z.infer<typeof signBodySchema>;

/** The Soundlinks request body, as the document describes it. */
export const soundlinksRequestSchema = z.object({ data: z.string({ message: 'data (the JWT) is required' }) });
/** The JWT's `arg` of POST /v3/sl/encoding: the song's link, and the artist's name (optional). */
export const soundlinksEncodingArgSchema = z.object({
  src: z
    .string({ message: 'arg.src (the link of the song) is required' })
    .min(1, 'arg.src (the link of the song) is required'),
  artist: z.string({ message: 'arg.artist must be a string' }).optional(),
});
/** The JWT's `arg` of POST /v3/sl/query: the credential /v3/sl/encoding answered. */
export const soundlinksQueryArgSchema = z.object({
  query: z
    .string({ message: 'arg.query (the query credential) is required' })
    .min(1, 'arg.query (the query credential) is required'),
});
export const soundlinksEncodingAnswerSchema = z.object({ query: z.string() });
export const soundlinksQueryAnswerSchema = z.object({
  status: z.enum(['processing', 'complete', 'failed']),
  message: z.string(),
  url: z.string().optional(),
  id: z.string().optional(),
});
export type SoundlinksQueryAnswer = z.infer<typeof soundlinksQueryAnswerSchema>;

export const verifyBodySchema = z.object({ uploadId: z.string({ message: 'uploadId is required' }).uuid() });
export const verifyResultSchema = z.object({
  found: z.boolean(),
  id: z.string().nullable(),
  confidence: z.number().nullable(),
  /** the ID belongs to one of this artist's encodings */
  jobId: z.string().nullable(),
  seconds: z.number(),
  /**
   * Addition: the speed / tempo / pitch change the mark was read through (null when no mark was
   * found). `change` is in sox's terms: "speed" 1.02 = resampled 2% faster (pitch up too), "tempo"
   * 0.97 = time-stretched 3% slower, "pitch" = frequency ratio (1.0595 = a semitone up), "none" = 1.
   */
  factor: z
    .object({ change: z.enum(['none', 'speed', 'tempo', 'pitch']), value: z.number() })
    .nullable()
    .optional(),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;
