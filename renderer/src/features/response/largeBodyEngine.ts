/**
 * What largeBody.worker.ts does, as a plain function: holds one body's text and line index,
 * lays it out in slices and answers line requests. Also run in the page itself where there is
 * no Worker (tests); `post` sends the answers back. Pure apart from `fetch`.
 */

import type { FromWorker, ToWorker } from './largeBodyProtocol';
import {
  LineIndex,
  lineAt,
  looksLikeJsonText,
  plainIndexer,
  prettyJsonIndexer,
  type TextSource,
} from './lineIndex';

/** Text added to the layout at a time while a body downloads: the first part soon, then larger steps. */
const FIRST_STEP = 1 << 20;
const STEP = 8 << 20;

export function bodyEngine(post: (m: FromWorker) => void): (m: ToWorker) => Promise<void> {
  let text = '';
  let downloading = false;
  let arrived: (() => void) | null = null;
  const source: TextSource = { text: () => text, more: () => downloading };
  let index = new LineIndex();
  let pretty = false;
  let generation = 0;

  async function layout(mode: 'pretty' | 'raw'): Promise<void> {
    const mine = ++generation;
    index = new LineIndex();
    pretty = mode === 'pretty' && looksLikeJsonText(text);
    const step = pretty ? prettyJsonIndexer(source, index) : plainIndexer(source, index);
    let told = 0;
    for (let slice = 0; ; slice++) {
      const before = step.position();
      const done = step();
      if (mine !== generation) return; // a newer layout took over
      // The first lines at once; then news at most every 100 ms (each one re-renders the page).
      const now = performance.now();
      if (done || slice === 0 || now - told >= 100) {
        told = now;
        post({ type: 'progress', count: index.count, done, pretty, chars: text.length });
      }
      if (done) return;
      // Let line requests in between two slices of work; wait for more text when all that
      // arrived is laid out.
      if (downloading && step.position() === before)
        await new Promise<void>((r) => {
          arrived = r;
        });
      else await new Promise((r) => setTimeout(r, 0));
      if (mine !== generation) return;
    }
  }

  return async (m: ToWorker): Promise<void> => {
    try {
      if (m.type === 'open') {
        if (m.text !== undefined) {
          text = m.text;
          await layout(m.mode);
          return;
        }
        const res = await fetch(m.url as string, { headers: { authorization: `Bearer ${m.token ?? ''}` } });
        if (!res.ok || !res.body) {
          const why = ((await res.json().catch(() => null)) as { error?: { message?: string } } | null)
            ?.error;
          throw new Error(why?.message ?? `The body could not be read (HTTP ${res.status})`);
        }
        // Lay out while it downloads: the first screen does not wait for the last byte. The text
        // grows in steps of a few MB (each step is one copy of what arrived so far).
        downloading = true;
        // The layout starts with the first part (it tells JSON from other text).
        let laying: Promise<void> | null = null;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let parts: string[] = [];
        let partChars = 0;
        const flush = () => {
          text += parts.join('');
          parts = [];
          partChars = 0;
          laying ??= layout(m.mode);
          arrived?.();
          arrived = null;
        };
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parts.push(value);
          partChars += value.length;
          if (partChars >= (text.length < FIRST_STEP ? FIRST_STEP / 4 : STEP)) flush();
        }
        downloading = false;
        flush();
        await laying;
      } else if (m.type === 'mode') {
        await layout(m.mode);
      } else if (m.type === 'lines') {
        const to = Math.min(m.to, index.count);
        const lines: string[] = [];
        for (let i = m.from; i < to; i++) lines.push(lineAt(text, index, i, pretty));
        post({ type: 'lines', from: m.from, lines });
      }
    } catch (err) {
      post({ type: 'error', message: (err as Error).message.split('\n')[0] ?? 'The body could not be read' });
    }
  };
}
