import type { EncodingJob } from '@contract/encoding';
import { Waveform } from './waveform';

const encodedName = (fileName: string) => `${fileName.replace(/\.[^.]+$/, '')} (Soundlinks).mp3`;

/** A completed job: the original and the encoded song side by side, and the download. */
export function JobResult({ job }: { job: EncodingJob }) {
  if (!job.resultUrl) return null;
  const pairs = [
    ['Original', job.src],
    ['Encoded', job.resultUrl],
  ] as const;
  return (
    <div className="mt-4 grid gap-4 md:grid-cols-2">
      {pairs.map(([what, url]) => (
        <figure key={what} className="space-y-2">
          <figcaption className="text-sm font-medium">{what}</figcaption>
          <Waveform url={url} label={`Waveform of the ${what.toLowerCase()} song ${job.fileName}`} />
          <audio
            controls
            preload="none"
            src={url}
            aria-label={`Play the ${what.toLowerCase()} song ${job.fileName}`}
            className="w-full"
          />
        </figure>
      ))}
      <p className="md:col-span-2">
        <a
          href={job.resultUrl}
          download={encodedName(job.fileName)}
          className="inline-block rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-600"
        >
          Download the encoded song<span className="sr-only"> {job.fileName}</span>
        </a>
      </p>
    </div>
  );
}
