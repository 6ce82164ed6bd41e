import { findVariables } from '../../../../main/shared/substitute';

/** {{variable}} marking for the URL and other templated fields. Same grammar as the core's substitution. */

export interface TemplateSegment {
  text: string;
  kind: 'plain' | 'known' | 'unknown';
  /** The variable name for known/unknown segments. */
  name?: string;
}

/** Splits text into plain runs and {{variable}} runs, each variable marked known or unknown. */
export function segmentTemplate(text: string, known: Readonly<Record<string, string>>): TemplateSegment[] {
  const out: TemplateSegment[] = [];
  let last = 0;
  for (const ref of findVariables(text)) {
    if (ref.start > last) out.push({ text: text.slice(last, ref.start), kind: 'plain' });
    out.push({
      text: text.slice(ref.start, ref.end),
      kind: Object.hasOwn(known, ref.name) ? 'known' : 'unknown',
      name: ref.name,
    });
    last = ref.end;
  }
  if (last < text.length) out.push({ text: text.slice(last), kind: 'plain' });
  return out;
}

export { missingVariables as unknownVariables } from '../../../../main/shared/substitute';
