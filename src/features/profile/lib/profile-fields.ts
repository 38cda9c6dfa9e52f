import type { Profile } from '@contract/account';

/** The fields this app keeps in the free-form profile document (the API only fixes "bio"). */
export interface ProfileFields {
  displayName: string;
  location: string;
  website: string;
  bio: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function profileFields(doc: Profile): ProfileFields {
  return {
    displayName: str(doc.displayName),
    location: str(doc.location),
    website: str(doc.website),
    bio: str(doc.bio),
  };
}

/**
 * The document to store: the edited fields over what was there, so keys other clients keep in the
 * same document survive an edit here.
 */
export function mergeProfile(previous: Profile, fields: ProfileFields): Profile {
  const out: Profile = { ...previous };
  for (const [k, v] of Object.entries(fields)) {
    const value = v.trim();
    if (value || k === 'bio') out[k] = value;
    else delete out[k];
  }
  return out;
}
