/**
 * Waits until `check` holds, looking every 20 ms, for up to `timeoutMs` (generous: the suite runs
 * on loaded machines); then fails with "never saw <what>".
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never saw ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
