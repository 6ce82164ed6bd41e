import { useEffect } from 'react';
import { useNotice } from '../components/useNotice';
import { useWorkbenchUi } from './workbench';

/**
 * The workbench's one-line notice above the editor: a save that failed (a disk error, a core
 * refusal, a deleted collection), tabs that could not be read or kept. Errors stay until
 * dismissed; successes fade (the jar panel's useNotice).
 */
export function WorkbenchNoticeBar() {
  const posted = useWorkbenchUi((s) => s.notice);
  const [notice, say, clear] = useNotice({ errorsStay: true });
  useEffect(() => {
    if (posted) say(posted.kind, posted.text);
  }, [posted, say]);
  if (!notice) return null;
  const error = notice.kind === 'error';
  const dismiss = () => {
    clear();
    useWorkbenchUi.getState().set({ notice: null });
  };
  return (
    <div
      key={notice.id}
      className={`ui-notice ui-notice-${notice.kind}${error ? ' ui-notice-stay is-error' : ''} ui-notice-bar app-notice`}
      role={error ? 'alert' : 'status'}
    >
      <span title={notice.text}>{notice.text}</span>
      <button type="button" className="ui-icon-button" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
