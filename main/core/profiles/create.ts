import type { Profile } from '../../shared/types';
import type { ProfileStore } from './store';

/**
 * Creates a profile, optionally starting with a copy of another profile's variables (and which of
 * them are secret), so the sample requests that use {{baseUrl}} work for it at once. The source is
 * checked first: an unknown one is a one-line error and nothing is created.
 */
export async function createProfile(
  profiles: ProfileStore,
  a: { name: string; color?: string; copyVariablesFrom?: string },
): Promise<Profile> {
  const source = a.copyVariablesFrom ? await profiles.get(a.copyVariablesFrom) : null;
  const made = await profiles.create(a.name, a.color);
  if (!source || Object.keys(source.variables).length === 0) return made;
  return profiles.update(a.name, {
    variables: { ...source.variables },
    ...(source.secrets?.length ? { secrets: [...source.secrets] } : {}),
  });
}
