import type { Handlers } from '../../contract';
import { attempt } from '../../shared/errors';
import type { Spool } from './spool';

/** The `response.*` channels (contract/responses.ts): saving a truncated response's full body. */
export function responseHandlers(spool: Spool): Pick<Handlers, 'response.saveBody'> {
  return {
    'response.saveBody': (a) => attempt(() => spool.save(a.responseId, a.path)),
  };
}
