import * as Menu from '@radix-ui/react-dropdown-menu';
import { JAR_MODE_LABELS } from '../../../../main/shared/sessions';
import { useProfilesStore } from '../profiles/store';
import { useRequestStore } from '../request/store';
import { JarModeMenuItems } from '../sessions/JarModePicker';
import { useSessionsStore } from '../sessions/store';
import { defaultSelection, MAX_COMPARE, toggleSelection } from './model';
import { useCompareStore, useTabCompare } from './store';
import './compare.css';

/** The profiles that will be compared: the user's choice, else the default offer. */
export function useCompareSelection(): string[] {
  const order = useProfilesStore((s) => s.order);
  const active = useProfilesStore((s) => s.active);
  const selected = useCompareStore((s) => s.selected);
  const chosen = selected.filter((n) => order.includes(n));
  return chosen.length ? chosen : defaultSelection(order, active);
}

/** "Compare" next to Send: a split button; ▾ opens "Send as… ☑ alice ☑ bob ☐ anonymous". */
export function CompareControl() {
  const profiles = useProfilesStore((s) => s.profiles);
  const order = useProfilesStore((s) => s.order);
  const url = useRequestStore((s) => s.draft.url);
  const method = useRequestStore((s) => s.draft.method);
  const { running } = useTabCompare();
  const selection = useCompareSelection();
  const jars = useSessionsStore((s) => s.jars.compare);
  const ready = selection.length >= 2 && url.trim() !== '' && method !== '';

  const compare = () => {
    if (ready) void useCompareStore.getState().run(useRequestStore.getState().draft, selection);
  };

  return (
    <div className="compare-split">
      <button
        type="button"
        className="ui-button compare-run"
        disabled={!ready || running !== null}
        onClick={compare}
        title={`Send as ${selection.join(', ')} side by side`}
      >
        Compare <span className="compare-count">{selection.length}</span>
        {jars !== 'copy' && (
          <span className={`jars-badge is-${jars}`} title={JAR_MODE_LABELS[jars].hint}>
            {jars} jars
          </span>
        )}
      </button>
      <Menu.Root modal={false}>
        <Menu.Trigger asChild>
          <button type="button" className="ui-button compare-pick" aria-label="Choose profiles to compare">
            <span aria-hidden="true">▾</span>
          </button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="ui-menu compare-menu" align="end" sideOffset={4}>
            <Menu.Label className="ui-menu-label">Send as… (2–{MAX_COMPARE})</Menu.Label>
            {order.map((name) => (
              <Menu.CheckboxItem
                key={name}
                className="ui-menu-item compare-menu-item"
                checked={selection.includes(name)}
                onSelect={(e) => e.preventDefault()}
                onCheckedChange={() =>
                  useCompareStore.getState().setSelected(toggleSelection(selection, name, order))
                }
              >
                <span className="compare-check" aria-hidden="true">
                  {selection.includes(name) ? '✓' : ''}
                </span>
                <span
                  className="compare-chip"
                  style={{ background: profiles[name]?.color }}
                  aria-hidden="true"
                />
                {name}
              </Menu.CheckboxItem>
            ))}
            <Menu.Separator className="ui-menu-separator" />
            <JarModeMenuItems where="compare" />
            <Menu.Separator className="ui-menu-separator" />
            <Menu.Item className="ui-menu-item" disabled={!ready} onSelect={compare}>
              Compare {selection.length} profiles
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
    </div>
  );
}
