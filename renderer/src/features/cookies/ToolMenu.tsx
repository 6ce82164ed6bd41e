import * as Menu from '@radix-ui/react-dropdown-menu';

export interface ToolMenuItem {
  label: string;
  onSelect(): void;
  danger?: boolean;
}

/** A toolbar button that opens a short menu (Radix dropdown: arrow keys, Escape, focus return). */
export function ToolMenu({
  label,
  items,
  disabled,
}: {
  label: string;
  items: ToolMenuItem[];
  disabled?: boolean;
}) {
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger asChild disabled={disabled}>
        <button type="button" className="ui-button cookies-tool">
          {label} <span aria-hidden="true">▾</span>
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="ctl-menu cookies-menu" align="start" sideOffset={4}>
          {items.map((item) => (
            <Menu.Item
              key={item.label}
              className={`ctl-menu-item${item.danger ? ' ctl-menu-danger' : ''}`}
              onSelect={item.onSelect}
            >
              {item.label}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
