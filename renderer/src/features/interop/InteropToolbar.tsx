import * as Menu from '@radix-ui/react-dropdown-menu';
import { ImportDialog } from './ImportDialog';
import { NewFromCurlDialog } from './NewFromCurlDialog';
import { useInteropStore } from './store';
import './interop.css';

/** The collections sidebar's "Import" menu: a file from another tool, or a curl command. */
export function InteropToolbar() {
  const setImportOpen = useInteropStore((s) => s.setImportOpen);
  const setCurlOpen = useInteropStore((s) => s.setCurlOpen);
  return (
    <>
      <Menu.Root>
        <Menu.Trigger asChild>
          <button
            type="button"
            className="ui-button ui-button-ghost interop-import"
            title="Bring requests in"
          >
            Import ▾
          </button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="ui-menu" align="start" sideOffset={4}>
            <Menu.Item className="ui-menu-item" onSelect={() => setImportOpen(true)}>
              Import…
              <span className="interop-menu-hint">Postman, Insomnia, HAR, OpenAPI</span>
            </Menu.Item>
            <Menu.Item className="ui-menu-item" onSelect={() => setCurlOpen(true)}>
              New request from curl…
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
    </>
  );
}

/** The dialogs the Import menu opens; mounted once, so they survive the list going from empty to full. */
export function InteropDialogs() {
  return (
    <>
      <ImportDialog />
      <NewFromCurlDialog />
    </>
  );
}
