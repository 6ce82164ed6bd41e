import type { Profile, Settings } from '../main/shared/types';

export function defaultSettings(): Settings {
  return { theme: 'system', proxy: null, insecure: false, timeoutMs: 30_000, maxRedirects: 10 };
}

export function makeProfile(name: string): Profile {
  return {
    name,
    color: '#7c5cff',
    variables: {},
    headers: [],
    cookieStore: true,
    createdAt: new Date().toISOString(),
  };
}
