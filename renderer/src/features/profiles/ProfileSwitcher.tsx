import * as Menu from '@radix-ui/react-dropdown-menu';
import { type CSSProperties, useState } from 'react';
import type { Profile } from '../../../../main/shared/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LogInAgainItem, LoginStatus, RecipeDialogHost, RecipeItem } from '../sessions/LoginAgain';
import { PROFILE_PALETTE } from './accent';
import { ProfileNameForm } from './ProfileNameForm';
import { useProfilesStore } from './store';
import './profiles.css';

type Editing = { mode: 'create' } | { mode: 'rename'; from: string } | { mode: 'duplicate'; from: string };

/** The always-visible row of profile chips: click or Ctrl+1…9 to switch, a menu per chip, "+" to add. */
export function ProfileSwitcher() {
  const order = useProfilesStore((s) => s.order);
  const profiles = useProfilesStore((s) => s.profiles);
  const active = useProfilesStore((s) => s.active);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const store = useProfilesStore.getState;

  const form = (() => {
    if (!editing) return null;
    const done = () => setEditing(null);
    if (editing.mode === 'create')
      return (
        <ProfileNameForm
          title="New profile"
          initial=""
          submitLabel="Create"
          onSubmit={(n, from) => store().create(n, undefined, from)}
          onDone={done}
          copyFrom={{
            profiles: order.filter((p) => Object.keys(profiles[p]?.variables ?? {}).length > 0),
            initial: Object.keys(profiles[active]?.variables ?? {}).length > 0 ? active : '',
          }}
        />
      );
    if (editing.mode === 'rename')
      return (
        <ProfileNameForm
          title={`Rename ${editing.from}`}
          initial={editing.from}
          submitLabel="Rename"
          onSubmit={(n) => store().rename(editing.from, n)}
          onDone={done}
        />
      );
    return (
      <ProfileNameForm
        title={`Duplicate ${editing.from}`}
        initial={`${editing.from}-copy`}
        submitLabel="Duplicate"
        onSubmit={(n) => store().duplicate(editing.from, n)}
        onDone={done}
      />
    );
  })();

  return (
    <div className="profiles-switcher">
      <div role="radiogroup" aria-label="Active profile" className="profiles-chips">
        {order.map((name, i) => {
          const p = profiles[name];
          if (!p) return null;
          return (
            <ProfileChip
              key={name}
              profile={p}
              index={i}
              active={name === active}
              onRename={() => setEditing({ mode: 'rename', from: name })}
              onDuplicate={() => setEditing({ mode: 'duplicate', from: name })}
              onDelete={() => setDeleting(name)}
            />
          );
        })}
      </div>
      {form ?? (
        <button
          type="button"
          className="profiles-add"
          aria-label="New profile"
          title="New profile"
          onClick={() => setEditing({ mode: 'create' })}
        >
          +
        </button>
      )}
      <LoginStatus />
      <RecipeDialogHost />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(o) => !o && setDeleting(null)}
        title={`Delete profile ${deleting}?`}
        message="Its cookie jar, variables and default headers are removed. History entries stay."
        confirmLabel={`Delete ${deleting}`}
        onConfirm={async () => {
          if (!deleting) return;
          const res = await store().remove(deleting);
          return res.ok ? null : res.error.message;
        }}
      />
    </div>
  );
}

interface ChipProps {
  profile: Profile;
  index: number;
  active: boolean;
  onRename(): void;
  onDuplicate(): void;
  onDelete(): void;
}

function ProfileChip({ profile, index, active, onRename, onDuplicate, onDelete }: ChipProps) {
  const shortcut = index < 9 ? ` (Ctrl+${index + 1})` : '';
  return (
    <div
      className={`profiles-chip${active ? ' is-active' : ''}`}
      style={{ '--chip': profile.color } as CSSProperties}
    >
      <label className="profiles-chip-main" title={`Send as ${profile.name}${shortcut}`}>
        <input
          type="radio"
          name="tandem-active-profile"
          className="ui-sr-only"
          checked={active}
          onChange={() => useProfilesStore.getState().setActive(profile.name)}
        />
        <span className="profiles-dot" aria-hidden="true" />
        <span className="profiles-chip-name">{profile.name}</span>
        {!profile.cookieStore && (
          <span className="profiles-chip-flag" title="Cookie store off">
            no jar
          </span>
        )}
      </label>
      <Menu.Root>
        <Menu.Trigger className="profiles-chip-menu" aria-label={`Actions for ${profile.name}`}>
          <span aria-hidden="true">▾</span>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="ui-menu" sideOffset={4} align="start">
            <Menu.Item className="ui-menu-item" onSelect={onRename}>
              Rename…
            </Menu.Item>
            <Menu.Item className="ui-menu-item" onSelect={onDuplicate}>
              Duplicate…
            </Menu.Item>
            <LogInAgainItem profile={profile} />
            <RecipeItem profile={profile} />
            <Menu.Separator className="ui-menu-separator" />
            <Menu.Label className="ui-menu-label">Colour</Menu.Label>
            <div className="profiles-swatches">
              {PROFILE_PALETTE.map((c) => (
                <Menu.Item
                  key={c}
                  className="profiles-swatch"
                  aria-label={`Colour ${c}`}
                  style={{ background: c }}
                  onSelect={() => void useProfilesStore.getState().update(profile.name, { color: c })}
                />
              ))}
            </div>
            <Menu.Separator className="ui-menu-separator" />
            <Menu.Item className="ui-menu-item ui-menu-item-danger" onSelect={onDelete}>
              Delete…
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
    </div>
  );
}
