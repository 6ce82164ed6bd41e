import * as Tabs from '@radix-ui/react-tabs';
import { useEffect, useState } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { SaveRequestDialog } from '../features/collections/SaveRequestDialog';
import { startCollectionsSync } from '../features/collections/store';
import { ResponseArea } from '../features/compare/CompareView';
import { startCompareSync } from '../features/compare/store';
import { CookieJarPanel } from '../features/cookies/CookieJarPanel';
import { EnvironmentSwitcher } from '../features/environments/EnvironmentSwitcher';
import { MatrixView } from '../features/matrix/MatrixView';
import { startMatrixSync } from '../features/matrix/store';
import { applyProfileAccent } from '../features/profiles/accent';
import { ProfileSwitcher } from '../features/profiles/ProfileSwitcher';
import { startProfilesSync, useActiveProfile, useProfilesStore } from '../features/profiles/store';
import { startTabsPersistence } from '../features/request/persist';
import { RequestEditor } from '../features/request/RequestEditor';
import { startRequestSync } from '../features/request/store';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { startSettingsSync, useSettingsStore } from '../features/settings/store';
import { ProfileSettingsPanel } from '../features/variables/ProfileSettingsPanel';
import { VariablesProvider } from '../features/variables/VariableHint';
import { CommandPalette } from './CommandPalette';
import { CloseTabDialog, ShortcutsSheet } from './dialogs';
import { Sidebar, useSidebarWidth } from './Sidebar';
import { SplitPane } from './SplitPane';
import { useAppShortcuts } from './useAppShortcuts';
import { WorkbenchNoticeBar } from './WorkbenchNotice';
import { saveTab, sayNotice, useWorkbenchUi } from './workbench';
import '../components/ui.css';
import './app.css';

/** Loads what the app needs at startup and keeps it in sync with the core. */
function useStartup(): void {
  useEffect(() => {
    void useProfilesStore.getState().load();
    void useSettingsStore.getState().load();
    const stops = [
      startProfilesSync(),
      startRequestSync(),
      startCompareSync(),
      startMatrixSync(),
      startSettingsSync(),
      startCollectionsSync(),
      startTabsPersistence((status, notice) => {
        useWorkbenchUi.getState().set({ tabsSaved: status });
        if (notice) sayNotice('error', notice);
      }),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }, []);
}

export function App() {
  useStartup();
  useAppShortcuts();
  const profile = useActiveProfile();
  const loaded = useProfilesStore((s) => s.loaded);
  const loadError = useProfilesStore((s) => s.error);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const saveOpen = useWorkbenchUi((s) => s.saveOpen);
  const setUi = useWorkbenchUi((s) => s.set);
  const tabsSaved = useWorkbenchUi((s) => s.tabsSaved);
  const sidebarWidth = useSidebarWidth();
  const [sideOpen, setSideOpen] = useState(true);
  const [matrixOpen, setMatrixOpen] = useState(false);

  useEffect(() => {
    applyProfileAccent(profile?.color);
  }, [profile?.color]);

  return (
    <div className="app" data-profile={profile?.name ?? ''} data-tabs-saved={tabsSaved}>
      <div className="app-profile-bar" aria-hidden="true" />
      <header className="app-topbar">
        {/* The page's one level-one heading (axe page-has-heading-one). */}
        <h1 className="app-wordmark">
          <span className="app-wordmark-mark" aria-hidden="true" />
          Tandem
        </h1>
        <ProfileSwitcher />
        <EnvironmentSwitcher />
        <div className="app-topbar-spacer" />
        <button
          type="button"
          className="ui-button app-topbar-button"
          aria-pressed={matrixOpen}
          onClick={() => setMatrixOpen((o) => !o)}
          title="Run a collection as every profile: who is allowed, who is denied"
        >
          {matrixOpen ? 'Back to request' : 'Access matrix'}
        </button>
        <button
          type="button"
          className="ui-button app-topbar-button"
          aria-pressed={sideOpen}
          onClick={() => setSideOpen((o) => !o)}
          title="Show or hide the cookies and profile panel"
        >
          {sideOpen ? 'Hide jar panel' : 'Show jar panel'}
        </button>
        <button
          type="button"
          className="ui-button app-topbar-button"
          aria-label="Settings"
          onClick={() => setSettingsOpen(true)}
        >
          <span aria-hidden="true">⚙</span> Settings
        </button>
      </header>
      {loadError && (
        <p className="app-banner" role="alert">
          Profiles could not be loaded: {loadError}
        </p>
      )}
      <div
        className={`app-body${sideOpen ? '' : ' is-side-closed'}`}
        style={{ '--sidebar-w': sidebarWidth ? `${sidebarWidth}px` : '36px' } as React.CSSProperties}
      >
        <Sidebar />
        <VariablesProvider>
          <main className="app-center">
            <WorkbenchNoticeBar />
            {matrixOpen ? (
              <ErrorBoundary area="the access matrix">
                <MatrixView />
              </ErrorBoundary>
            ) : loaded && !profile ? (
              <p className="ui-note app-placeholder">Create a profile with “+” to start sending requests.</p>
            ) : (
              <SplitPane
                top={
                  <ErrorBoundary area="the request editor">
                    <RequestEditor onSave={() => void saveTab()} />
                  </ErrorBoundary>
                }
                bottom={
                  <ErrorBoundary area="the response viewer">
                    <ResponseArea />
                  </ErrorBoundary>
                }
              />
            )}
          </main>
        </VariablesProvider>
        {sideOpen && (
          <aside className="app-sidepanel" aria-label={`${profile?.name ?? 'Profile'} jar and settings`}>
            <Tabs.Root className="app-side-tabs" defaultValue="cookies">
              <div className="app-side-head">
                <Tabs.List className="ui-tabs-list" aria-label="Profile panel">
                  <Tabs.Trigger className="ui-tab" value="cookies">
                    Cookies
                  </Tabs.Trigger>
                  <Tabs.Trigger className="ui-tab" value="profile">
                    Profile
                  </Tabs.Trigger>
                </Tabs.List>
                {profile && (
                  <span className="app-sidepanel-owner" title={`Everything here belongs to ${profile.name}`}>
                    <span className="app-dot" aria-hidden="true" />
                    {profile.name}
                  </span>
                )}
              </div>
              <Tabs.Content className="app-side-content" value="cookies">
                <ErrorBoundary area="the cookie jar">
                  <CookieJarPanel />
                </ErrorBoundary>
              </Tabs.Content>
              <Tabs.Content className="app-side-content" value="profile">
                <ErrorBoundary area="the profile settings">
                  <ProfileSettingsPanel />
                </ErrorBoundary>
              </Tabs.Content>
            </Tabs.Root>
          </aside>
        )}
      </div>
      <SettingsDialog open={settingsOpen} onOpenChange={setSettingsOpen} />
      <SaveRequestDialog open={saveOpen} onOpenChange={(o) => setUi({ saveOpen: o })} />
      <CloseTabDialog />
      <ShortcutsSheet />
      <CommandPalette onOpenSettings={() => setSettingsOpen(true)} onRunMatrix={() => setMatrixOpen(true)} />
    </div>
  );
}
