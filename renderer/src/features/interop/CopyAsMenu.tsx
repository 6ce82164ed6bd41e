import * as Menu from '@radix-ui/react-dropdown-menu';
import { useEffect, useState } from 'react';
import {
  type CodeSnippet,
  type CodeTarget,
  codeTargetLabels,
  codeTargets,
} from '../../../../main/shared/interop';
import { api } from '../../api';
import { copyText } from '../../components/CopyButton';
import { Modal } from '../../components/Modal';
import { useActiveProfile } from '../profiles/store';
import { useRequestStore } from '../request/store';
import { useInteropStore } from './store';
import './interop.css';

/** "Copy as…": the request as curl, HTTPie, fetch or Python, as the active profile, its cookies included. */
export function CopyAsMenu() {
  const profile = useActiveProfile();
  const setCopyTarget = useInteropStore((s) => s.setCopyTarget);
  return (
    <>
      <Menu.Root>
        <Menu.Trigger asChild>
          <button
            type="button"
            className="ui-button interop-copy-as mono"
            aria-label="Copy as…"
            title="Copy as curl, HTTPie, fetch or Python"
            disabled={!profile}
          >
            {'</>'}
          </button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="ui-menu interop-menu" align="end" sideOffset={4}>
            <Menu.Label className="ui-menu-label interop-menu-warning">
              As {profile?.name ?? 'this profile'}: includes {profile?.name ?? 'its'}'s cookies
            </Menu.Label>
            {codeTargets.map((t) => (
              <Menu.Item key={t} className="ui-menu-item" onSelect={() => setCopyTarget(t)}>
                {codeTargetLabels[t]}
              </Menu.Item>
            ))}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      <CodeDialog />
    </>
  );
}

function CodeDialog() {
  const target = useInteropStore((s) => s.copyTarget);
  const setCopyTarget = useInteropStore((s) => s.setCopyTarget);
  const profile = useActiveProfile();
  const [state, setState] = useState<{ snippet: CodeSnippet } | { error: string } | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!target || !profile) return;
    setState(null);
    setCopied(false);
    let live = true;
    const draft = useRequestStore.getState().draft;
    void api['interop.code']({ profile: profile.name, request: draft, target }).then((r) => {
      if (live) setState(r.ok ? { snippet: r.value } : { error: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [target, profile]);

  if (!target) return null;
  const name = profile?.name ?? 'this profile';
  const label = codeTargetLabels[target as CodeTarget];
  return (
    <Modal
      open
      onOpenChange={(open) => !open && setCopyTarget(null)}
      title={`Copy as ${label}`}
      description={`The request as ${name} sends it: ${name}'s variables, headers and cookies.`}
      size="lg"
      footer={
        <>
          <button type="button" className="ui-button" onClick={() => setCopyTarget(null)}>
            Close
          </button>
          <button
            type="button"
            className="ui-button ui-button-primary"
            disabled={!state || !('snippet' in state)}
            onClick={() => state && 'snippet' in state && void copyText(state.snippet.code).then(setCopied)}
          >
            {copied ? 'Copied' : 'Copy'}
          </button>
        </>
      }
    >
      {state === null ? <p className="ui-note">Writing the code…</p> : null}
      {state && 'error' in state ? <p className="ui-error-line">{state.error}</p> : null}
      {state && 'snippet' in state ? (
        <>
          {state.snippet.cookies.length ? (
            <div className="ctl-banner interop-secret" role="note">
              This code carries {name}'s cookies ({state.snippet.cookies.join(', ')}): whoever has it can act
              as {name}. Share it like a password.
            </div>
          ) : (
            <p className="ui-note">
              {name}'s jar has no cookies for this URL: none of its session goes with the code.
            </p>
          )}
          <div className="interop-code">
            <pre className="mono interop-code-text">{state.snippet.code}</pre>
          </div>
        </>
      ) : null}
    </Modal>
  );
}
