import * as Menu from '@radix-ui/react-dropdown-menu';
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { methodClass } from '../history/format';

export interface RowAction {
  label: string;
  onSelect(): void;
  danger?: boolean;
}

export interface TreeRowProps {
  kind: 'collection' | 'folder' | 'request';
  label: string;
  level: number;
  method?: string;
  /** Undefined for leaves. */
  expanded?: boolean;
  selected?: boolean;
  /** An open tab holds unsaved changes to this request. */
  dirty?: boolean;
  /** Drag and drop handlers for the row (reordering). */
  drag?: React.HTMLAttributes<HTMLDivElement> & { draggable?: boolean };
  /** Where a drop would land, for the marker. */
  dropHint?: 'before' | 'inside' | 'after' | null;
  renaming: boolean;
  actions: RowAction[];
  onActivate(): void;
  onToggle?(): void;
  onStartRename(): void;
  onRename(name: string): void;
  onCancelRename(): void;
  children?: ReactNode;
}

function RenameInput({
  initial,
  label,
  onDone,
  onCancel,
}: {
  initial: string;
  label: string;
  onDone(v: string): void;
  onCancel(): void;
}) {
  const [value, setValue] = useState(initial);
  const done = useRef(false);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    const v = value.trim();
    if (commit && v && v !== initial) onDone(v);
    else onCancel();
  };
  return (
    <input
      ref={ref}
      className="ctl-input coll-rename"
      aria-label={`Rename ${label}`}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(true);
        if (e.key === 'Escape') finish(false);
      }}
      onBlur={() => finish(true)}
    />
  );
}

/** One tree item: caret, method badge or icon, name (or an inline rename box) and an actions menu. */
export function TreeRow(p: TreeRowProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const selectedAction = useRef(false);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      p.onActivate();
    } else if (e.key === 'F2') {
      e.preventDefault();
      p.onStartRename();
    } else if (e.key === 'ArrowRight' && p.expanded === false) p.onToggle?.();
    else if (e.key === 'ArrowLeft' && p.expanded === true) p.onToggle?.();
    else if (['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) {
      const items = [
        ...(e.currentTarget.closest('[role="tree"]')?.querySelectorAll<HTMLElement>('[role="treeitem"]') ??
          []),
      ];
      const i = items.indexOf(e.currentTarget);
      const next =
        e.key === 'Home'
          ? items[0]
          : e.key === 'End'
            ? items[items.length - 1]
            : items[i + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) {
        e.preventDefault();
        next.focus();
      }
    }
  };
  // A flat tree (rows are siblings, nesting told by aria-level): each treeitem holds only its own
  // row, so its name matches what it shows (axe label-content-name-mismatch).
  return (
    <>
      <div
        role="treeitem"
        aria-level={p.level}
        aria-label={p.method ? `${p.method} ${p.label}${p.dirty ? ', unsaved changes' : ''}` : p.label}
        aria-expanded={p.expanded}
        aria-selected={p.selected ?? false}
        tabIndex={0}
        className={`coll-item coll-${p.kind}`}
        onKeyDown={onKeyDown}
      >
        {/* Keyboard: the treeitem above handles Enter, F2 and arrows for this row. */}
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the focusable treeitem */}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: the row is the treeitem's visible part */}
        <div
          className={`coll-row${p.selected ? ' coll-row-selected' : ''}${p.dropHint ? ` coll-drop-${p.dropHint}` : ''}`}
          {...p.drag}
          style={{ paddingLeft: `${(p.level - 1) * 14 + 4}px` }}
          onClick={p.onActivate}
          onDoubleClick={(e) => {
            e.stopPropagation();
            if (p.kind !== 'request') p.onStartRename();
          }}
          onContextMenu={(e) => {
            e.preventDefault();
            setMenuOpen(true);
          }}
        >
          {p.expanded === undefined ? (
            <span className="coll-caret" aria-hidden="true" />
          ) : (
            <span className="coll-caret" aria-hidden="true">
              {p.expanded ? '▾' : '▸'}
            </span>
          )}
          {p.method ? (
            <span className={`coll-method coll-method-${methodClass(p.method)}`}>{p.method}</span>
          ) : (
            <span className="coll-icon" aria-hidden="true">
              {p.kind === 'collection' ? '▤' : '▭'}
            </span>
          )}{' '}
          {p.renaming ? (
            <RenameInput initial={p.label} label={p.label} onDone={p.onRename} onCancel={p.onCancelRename} />
          ) : (
            <span className="coll-label">{p.label}</span>
          )}
          {p.dirty ? (
            <span
              className="coll-dirty"
              role="img"
              aria-label="Unsaved changes"
              title="Unsaved changes in a tab"
            />
          ) : null}
          <Menu.Root open={menuOpen} onOpenChange={setMenuOpen} modal={false}>
            <Menu.Trigger asChild>
              <button
                type="button"
                className="ui-icon-button coll-more"
                aria-label={`Actions for ${p.label}`}
                onClick={(e) => e.stopPropagation()}
              >
                ⋯
              </button>
            </Menu.Trigger>
            <Menu.Portal>
              <Menu.Content
                className="ctl-menu coll-menu"
                align="end"
                sideOffset={2}
                // React events bubble through portals: keep menu clicks from toggling the row.
                onClick={(e) => e.stopPropagation()}
                onDoubleClick={(e) => e.stopPropagation()}
                onCloseAutoFocus={(e) => {
                  // After an action (rename, delete…) focus belongs to what the action showed, not the trigger.
                  if (selectedAction.current) e.preventDefault();
                  selectedAction.current = false;
                }}
              >
                {p.actions.map((a) => (
                  <Menu.Item
                    key={a.label}
                    className={`ctl-menu-item${a.danger ? ' ctl-menu-danger' : ''}`}
                    onSelect={() => {
                      selectedAction.current = true;
                      a.onSelect();
                    }}
                  >
                    {a.label}
                  </Menu.Item>
                ))}
              </Menu.Content>
            </Menu.Portal>
          </Menu.Root>
        </div>
      </div>
      {p.children && p.expanded ? p.children : null}
    </>
  );
}
