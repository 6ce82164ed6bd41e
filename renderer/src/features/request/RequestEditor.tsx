import * as Tabs from '@radix-ui/react-tabs';
import type { EditorPane } from '../../../../main/shared/workbench';
import { KeyValueTable } from '../../components/KeyValueTable';
import { ChecksEditor } from '../checks/ChecksEditor';
import { useSavedChecks } from '../checks/useSavedChecks';
import { WillSend } from '../sessions/WillSend';
import { BodyEditor } from './BodyEditor';
import { ExtractEditor, useExtractRules } from './ExtractEditor';
import { parseParams, withParams } from './params';
import { RedactedNotice } from './RedactedNotice';
import { AuthEditor, CookiesEditor, OptionsEditor } from './RequestPanes';
import { useRequestStore } from './store';
import { TabBar } from './TabBar';
import { UrlBar } from './UrlBar';
import './request.css';

function Count({ n }: { n: number }) {
  return n > 0 ? <span className="ui-tab-count">{n}</span> : null;
}

/** The request being edited: URL bar on top, then Params / Headers / Body / Auth / Cookies / Options. */
export function RequestEditor({ onSave }: { onSave(): void }) {
  const draft = useRequestStore((s) => s.draft);
  const revision = useRequestStore((s) => s.revision);
  const tabId = useRequestStore((s) => s.activeId);
  const pane = useRequestStore((s) => s.tabs[s.activeId]?.pane) ?? 'params';
  const setPane = useRequestStore((s) => s.setPane);
  const setDraft = useRequestStore((s) => s.setDraft);
  const params = parseParams(draft.url);
  const headerCount = draft.headers.filter((h) => h.enabled !== false && h.name).length;
  const cookieCount = (draft.cookies ?? []).filter((c) => c.enabled !== false && c.name).length;
  const extractCount = useExtractRules().length;
  const checkCount = useSavedChecks().length;

  return (
    <section className="request-editor" aria-label="Request">
      <TabBar />
      <UrlBar onSave={onSave} />
      <RedactedNotice />
      <Tabs.Root className="request-tabs" value={pane} onValueChange={(v) => setPane(v as EditorPane)}>
        <Tabs.List className="ui-tabs-list" aria-label="Request parts">
          <Tabs.Trigger className="ui-tab" value="params">
            Params
            <Count n={params.length} />
          </Tabs.Trigger>
          <Tabs.Trigger className="ui-tab" value="headers">
            Headers
            <Count n={headerCount} />
          </Tabs.Trigger>
          <Tabs.Trigger className="ui-tab" value="body">
            Body
            {draft.body.type !== 'none' && <span className="ui-tab-count">{draft.body.type}</span>}
          </Tabs.Trigger>
          <Tabs.Trigger className="ui-tab" value="auth">
            Auth
            {draft.auth && draft.auth.type !== 'none' && (
              <span className="ui-tab-count">{draft.auth.type}</span>
            )}
          </Tabs.Trigger>
          <Tabs.Trigger className="ui-tab" value="cookies">
            Cookies
            <Count n={cookieCount} />
          </Tabs.Trigger>
          <Tabs.Trigger className="ui-tab" value="options">
            Options
          </Tabs.Trigger>
          <Tabs.Trigger className="ui-tab" value="extract">
            Extract
            <Count n={extractCount} />
          </Tabs.Trigger>
          <Tabs.Trigger className="ui-tab" value="checks">
            Checks
            <Count n={checkCount} />
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content className="request-pane" value="params">
          <KeyValueTable
            label="Query params"
            rows={params}
            onChange={(rows) => setDraft({ url: withParams(draft.url, rows) })}
          />
        </Tabs.Content>
        <Tabs.Content className="request-pane" value="headers">
          <KeyValueTable
            label="Headers"
            toggles
            rows={draft.headers}
            onChange={(headers) => setDraft({ headers })}
          />
        </Tabs.Content>
        <Tabs.Content className="request-pane request-pane-fill" value="body">
          <BodyEditor key={`${tabId}:${revision}`} />
        </Tabs.Content>
        <Tabs.Content className="request-pane" value="auth">
          <AuthEditor />
        </Tabs.Content>
        <Tabs.Content className="request-pane" value="cookies">
          <CookiesEditor />
          <WillSend />
        </Tabs.Content>
        <Tabs.Content className="request-pane" value="options">
          <OptionsEditor />
        </Tabs.Content>
        <Tabs.Content className="request-pane" value="extract">
          <ExtractEditor />
        </Tabs.Content>
        <Tabs.Content className="request-pane" value="checks">
          <ChecksEditor />
        </Tabs.Content>
      </Tabs.Root>
    </section>
  );
}
