import { describe, expect, it } from 'vitest';
import { mergeProfile, profileFields } from './profile-fields';

describe('profile fields', () => {
  it('reads only string fields', () => {
    expect(profileFields({ bio: 'hi', displayName: 7, other: 'x' })).toEqual({
      displayName: '',
      location: '',
      website: '',
      bio: 'hi',
    });
  });
  it('keeps unknown keys and drops emptied fields, but always sends a bio', () => {
    expect(
      mergeProfile({ theme: 'dark', location: 'Paris' }, { displayName: ' Ann ', location: '', website: '', bio: '' }),
    ).toEqual({ theme: 'dark', displayName: 'Ann', bio: '' });
  });
});
