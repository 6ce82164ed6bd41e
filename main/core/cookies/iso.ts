/**
 * Epoch milliseconds → ISO 8601 text, exactly what `new Date(ms).toISOString()` returns, but with
 * the text up to the seconds cached: on the request path (start times, cookie creation times)
 * consecutive calls mostly fall in the same second, so only the milliseconds are formatted.
 * Each caller keeps its own formatter so their caches do not evict each other.
 * Throws RangeError for an invalid time, as toISOString does.
 */
export type IsoFormatter = (ms: number) => string;

const MAX_TIME = 8.64e15;

export function isoFormatter(): IsoFormatter {
  let second = Number.NaN;
  let prefix = '';
  return (ms: number): string => {
    // Date's TimeClip: truncate to whole milliseconds; far ends of the range take the plain path.
    const t = Math.trunc(ms);
    if (!(t > -MAX_TIME + 1000 && t <= MAX_TIME)) return new Date(ms).toISOString();
    const s = Math.floor(t / 1000);
    if (s !== second) {
      // "…T12:34:56.000Z" → keep everything before the "000Z".
      prefix = new Date(s * 1000).toISOString().slice(0, -4);
      second = s;
    }
    const milli = t - s * 1000;
    return `${prefix}${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
  };
}
