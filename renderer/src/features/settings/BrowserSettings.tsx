import { useEffect } from 'react';
import { type Saved, SettingField, useSaveSetting } from './SettingField';
import { useSettingsStore } from './store';

/**
 * The browser a browser login starts in web mode and the CLI (the `browserPath` setting): a path
 * typed, saved through the core when the field is left. The core checks that the file exists and
 * can be run; its one-line error shows under the field and nothing is saved. Empty: the browser
 * the core would pick by itself, shown as the placeholder.
 */
export function BrowserSettings({ onSaved }: { onSaved: Saved }) {
  const saved = useSettingsStore((s) => s.settings.browserPath ?? null);
  const detected = useSettingsStore((s) => s.defaultBrowser);
  const loadDefault = useSettingsStore((s) => s.loadDefaultBrowser);
  const save = useSaveSetting(onSaved);
  useEffect(() => void loadDefault(), [loadDefault]);

  const commit = (text: string) => {
    const next = text.trim() || null;
    return next === saved ? null : save({ browserPath: next });
  };

  return (
    <fieldset className="settings-group settings-section">
      <legend className="settings-heading">Browser login</legend>
      <SettingField
        label="Chrome, Chromium or Edge to start"
        value={saved ?? ''}
        onCommit={commit}
        mono
        placeholder={
          detected === undefined ? '' : (detected ?? 'None found on this machine: give the path of one')
        }
        hint="Used in web mode and by the CLI; empty: the one shown. The desktop app logs in in its own window."
      />
    </fieldset>
  );
}
