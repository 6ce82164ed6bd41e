import type { RequestBody } from '../../../../main/shared/types';

export type BodyType = RequestBody['type'];

/** A blank body of a type, carrying over text where it makes sense (JSON ↔ raw). */
export function switchBodyType(from: RequestBody, to: BodyType, remembered?: RequestBody): RequestBody {
  if (remembered && remembered.type === to) return remembered;
  const text = from.type === 'json' || from.type === 'text' ? from.text : '';
  switch (to) {
    case 'none':
      return { type: 'none' };
    case 'json':
      return { type: 'json', text };
    case 'text':
      return { type: 'text', text, contentType: 'text/plain' };
    case 'form':
      return { type: 'form', fields: [] };
    case 'multipart':
      return { type: 'multipart', parts: [] };
    case 'file':
      return { type: 'file', path: '' };
  }
}
