import type { Workspace } from '../workspace';

/** Puts cookies into a profile's jar (host-only, path '/', session cookies), then announces it. */
export async function addCookiesToJar(
  ws: Workspace,
  profile: string,
  cookies: ReadonlyArray<{ name: string; value: string; domain: string; path: string }>,
): Promise<number> {
  const journal = await ws.profiles.jar(profile);
  for (const c of cookies)
    journal.jar.set(
      { name: c.name, value: c.value, domain: c.domain, path: c.path, hostOnly: true },
      { kind: 'import' },
    );
  await journal.flush();
  if (cookies.length) ws.events.emit('cookies.changed', { profile });
  return cookies.length;
}
