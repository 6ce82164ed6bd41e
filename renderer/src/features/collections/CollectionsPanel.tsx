import { type ReactNode, useEffect, useMemo, useState } from 'react';
import type { Collection, SavedRequest } from '../../../../main/shared/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { InteropDialogs, InteropToolbar } from '../interop/InteropToolbar';
import '../../components/controls.css';
import { emptyRequest, useRequestStore } from '../request/store';
import { isDirty } from '../request/tabs';
import { useTreeDnd } from './dnd';
import { startCollectionsSync, useCollectionsStore } from './store';
import { type RowAction, TreeRow } from './TreeRow';
import {
  buildTree,
  childFolderNames,
  filterTree,
  joinPath,
  parentPath,
  requestsUnder,
  type TreeNode,
  uniqueName,
} from './tree';
import './collections.css';
import { countOf } from '../../../../main/shared/text';

type Target =
  | { kind: 'collection'; collectionId: string }
  | { kind: 'folder'; collectionId: string; path: string }
  | { kind: 'request'; collectionId: string; requestId: string };

function keyOf(t: Target): string {
  if (t.kind === 'collection') return `c:${t.collectionId}`;
  if (t.kind === 'folder') return `f:${t.collectionId}:${t.path}`;
  return `r:${t.collectionId}:${t.requestId}`;
}

/** Collections → folders → requests. Clicking a request opens it in the request editor. */
export function CollectionsPanel() {
  const store = useCollectionsStore();
  const { byId, ids, status, error, load } = store;
  const openRequest = useRequestStore((s) => s.openRequest);
  const originId = useRequestStore((s) => s.origin?.requestId ?? null);
  const dirtyText = useRequestStore((s) =>
    s.order
      .map((id) => s.tabs[id])
      .filter((t) => t?.origin && isDirty(t))
      .map((t) => t.origin?.requestId)
      .join(' '),
  );
  const dirtyIds = useMemo(() => new Set(dirtyText.split(' ')), [dirtyText]);
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const [renaming, setRenaming] = useState<string | null>(null);
  const [pendingDelete, setPendingDelete] = useState<{
    target: Target;
    label: string;
    detail: string;
  } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void load();
    return startCollectionsSync();
  }, [load]);

  const collections = useMemo(() => ids.map((id) => byId[id]).filter(Boolean), [ids, byId]);

  /** Shows a failed call's message; returns whether it worked. */
  const check = <T,>(
    res: { ok: true; value: T } | { ok: false; error: { message: string } },
  ): res is { ok: true; value: T } => {
    setNotice(res.ok ? null : res.error.message);
    return res.ok;
  };

  const expand = (key: string) =>
    setCollapsed((s) => {
      if (!s.has(key)) return s;
      const next = new Set(s);
      next.delete(key);
      return next;
    });
  const toggle = (key: string) =>
    setCollapsed((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const open = (c: Collection, r: SavedRequest) =>
    openRequest(r.request, { collectionId: c.id, requestId: r.id, name: r.name });

  const newCollection = async () => {
    const res = await store.create(
      uniqueName(
        'New collection',
        collections.map((c) => c.name),
      ),
    );
    if (check(res)) setRenaming(`c:${res.value.id}`);
  };

  const newFolder = async (c: Collection, parent: string) => {
    const path = joinPath(parent, uniqueName('New folder', childFolderNames(c, parent)));
    const res = await store.addFolder(c.id, path);
    if (!check(res)) return;
    expand(parent ? `f:${c.id}:${parent}` : `c:${c.id}`);
    setRenaming(`f:${c.id}:${path}`);
  };

  const newRequest = async (c: Collection, folder: string) => {
    const names = c.requests.filter((r) => r.folder === folder).map((r) => r.name);
    const res = await store.saveRequest(c.id, {
      name: uniqueName('New request', names),
      folder,
      request: emptyRequest(),
    });
    if (!check(res)) return;
    expand(folder ? `f:${c.id}:${folder}` : `c:${c.id}`);
    open(c, res.value);
    setRenaming(`r:${c.id}:${res.value.id}`);
  };

  const rename = async (t: Target, name: string) => {
    setRenaming(null);
    // Read the freshest copy: the saved request may have landed after this render.
    const c = useCollectionsStore.getState().byId[t.collectionId];
    if (!c) return;
    if (t.kind === 'collection') check(await store.rename(c.id, name));
    else if (t.kind === 'folder') {
      if (name.includes('/')) return setNotice('A folder name cannot contain "/"');
      check(await store.renameFolder(c.id, t.path, joinPath(parentPath(t.path), name)));
    } else {
      const r = c.requests.find((x) => x.id === t.requestId);
      if (!r) return;
      const res = await store.saveRequest(c.id, { id: r.id, name, folder: r.folder, request: r.request });
      if (check(res))
        useRequestStore.getState().followOrigin(r.id, { collectionId: c.id, requestId: r.id, name });
    }
  };

  const confirmDelete = async (t: Target) => {
    if (t.kind === 'collection') check(await store.remove(t.collectionId));
    else if (t.kind === 'folder') check(await store.removeFolder(t.collectionId, t.path));
    else if (check(await store.removeRequest(t.collectionId, t.requestId)))
      useRequestStore.getState().followOrigin(t.requestId, null);
  };

  const actionsFor = (t: Target, c: Collection, label: string): RowAction[] => {
    const startRename = { label: 'Rename', onSelect: () => setRenaming(keyOf(t)) };
    if (t.kind === 'request') {
      const r = c.requests.find((x) => x.id === t.requestId)!;
      return [
        { label: 'Open', onSelect: () => open(c, r) },
        startRename,
        { label: 'Duplicate', onSelect: async () => void check(await store.duplicateRequest(c.id, r.id)) },
        { label: 'Delete', danger: true, onSelect: () => void confirmDelete(t) },
      ];
    }
    const folder = t.kind === 'folder' ? t.path : '';
    const count = t.kind === 'folder' ? requestsUnder(c, folder).length : c.requests.length;
    return [
      { label: 'New request', onSelect: () => void newRequest(c, folder) },
      { label: 'New folder', onSelect: () => void newFolder(c, folder) },
      startRename,
      {
        label: 'Duplicate',
        onSelect: async () =>
          void check(
            t.kind === 'folder' ? await store.duplicateFolder(c.id, folder) : await store.duplicate(c.id),
          ),
      },
      {
        label: 'Delete',
        danger: true,
        onSelect: () =>
          setPendingDelete({
            target: t,
            label,
            detail: count ? `${countOf(count, 'saved request')} will be deleted with it.` : 'It is empty.',
          }),
      },
    ];
  };

  const dndFor = useTreeDnd(Boolean(query), async (args) => {
    if (check(await store.move(args)))
      expand(args.to.folder ? `f:${args.collectionId}:${args.to.folder}` : `c:${args.collectionId}`);
  });

  const renderNodes = (c: Collection, nodes: TreeNode[], level: number): ReactNode =>
    nodes.map((n, i) => {
      if (n.kind === 'request') {
        const t: Target = { kind: 'request', collectionId: c.id, requestId: n.request.id };
        const key = keyOf(t);
        return (
          <TreeRow
            key={key}
            kind="request"
            label={n.request.name}
            method={n.request.request.method}
            level={level}
            selected={originId === n.request.id}
            dirty={dirtyIds.has(n.request.id)}
            {...dndFor(
              key,
              { kind: 'request', collectionId: c.id, id: n.request.id, folder: n.request.folder },
              {
                kind: 'request',
                collectionId: c.id,
                id: n.request.id,
                folder: n.request.folder,
                nextId: nextRequestId(nodes, i),
              },
            )}
            renaming={renaming === key}
            actions={actionsFor(t, c, n.request.name)}
            onActivate={() => open(c, n.request)}
            onStartRename={() => setRenaming(key)}
            onRename={(name) => void rename(t, name)}
            onCancelRename={() => setRenaming(null)}
          />
        );
      }
      const t: Target = { kind: 'folder', collectionId: c.id, path: n.path };
      const key = keyOf(t);
      const expanded = !collapsed.has(key) || Boolean(query);
      return (
        <TreeRow
          key={key}
          kind="folder"
          {...dndFor(
            key,
            { kind: 'folder', collectionId: c.id, path: n.path },
            { kind: 'folder', collectionId: c.id, path: n.path },
          )}
          label={n.name}
          level={level}
          expanded={expanded}
          renaming={renaming === key}
          actions={actionsFor(t, c, n.name)}
          onActivate={() => toggle(key)}
          onToggle={() => toggle(key)}
          onStartRename={() => setRenaming(key)}
          onRename={(name) => void rename(t, name)}
          onCancelRename={() => setRenaming(null)}
        >
          {n.children.length ? renderNodes(c, n.children, level + 1) : <EmptyLeaf level={level + 1} />}
        </TreeRow>
      );
    });

  let body: ReactNode;
  if (status === 'error' && error) {
    body = (
      <div className="ctl-banner ctl-banner-error" role="alert">
        <span>Could not read collections: {error.message}</span>
        <button type="button" className="ui-button" onClick={() => void load()}>
          Retry
        </button>
      </div>
    );
  } else if (status === 'idle' || status === 'loading') {
    body = (
      <div className="ctl-empty" aria-busy="true">
        Loading collections…
      </div>
    );
  } else if (collections.length === 0) {
    body = (
      <div className="ctl-empty">
        <strong>No collections yet</strong>
        <span>Save requests into collections to send them again, as any profile.</span>
        <button type="button" className="ui-button ui-button-primary" onClick={() => void newCollection()}>
          New collection
        </button>
      </div>
    );
  } else {
    body = (
      <div role="tree" aria-label="Collections" className="coll-tree">
        {collections.map((c) => {
          const t: Target = { kind: 'collection', collectionId: c.id };
          const key = keyOf(t);
          const expanded = !collapsed.has(key) || Boolean(query);
          const nodes = filterTree(buildTree(c), query);
          if (query && !nodes.length) return null;
          return (
            <TreeRow
              key={key}
              kind="collection"
              {...dndFor(key, null, { kind: 'collection', collectionId: c.id })}
              label={c.name}
              level={1}
              expanded={expanded}
              renaming={renaming === key}
              actions={actionsFor(t, c, c.name)}
              onActivate={() => toggle(key)}
              onToggle={() => toggle(key)}
              onStartRename={() => setRenaming(key)}
              onRename={(name) => void rename(t, name)}
              onCancelRename={() => setRenaming(null)}
            >
              {nodes.length ? renderNodes(c, nodes, 2) : <EmptyLeaf level={2} />}
            </TreeRow>
          );
        })}
      </div>
    );
  }

  return (
    <section className="coll-panel" aria-label="Collections">
      <InteropDialogs />
      <div className="coll-toolbar">
        <span className="coll-title">Collections</span>
        {collections.length ? (
          <button type="button" className="ui-button ui-button-ghost" onClick={() => void newCollection()}>
            + New collection
          </button>
        ) : (
          <InteropToolbar />
        )}
      </div>
      {collections.length ? (
        <div className="coll-filter">
          <input
            className="ctl-input coll-filter-input"
            type="search"
            aria-label="Filter requests"
            placeholder="Filter requests"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <InteropToolbar />
        </div>
      ) : null}
      {notice ? (
        <div className="ctl-error coll-notice" role="alert">
          {notice}
        </div>
      ) : null}
      {body}
      <ConfirmDialog
        open={pendingDelete !== null}
        onOpenChange={(o) => {
          if (!o) setPendingDelete(null);
        }}
        title={`Delete ${pendingDelete?.label ?? ''}?`}
        message={pendingDelete?.detail ?? ''}
        confirmLabel="Delete"
        onConfirm={async () => {
          if (pendingDelete) await confirmDelete(pendingDelete.target);
        }}
      />
    </section>
  );
}

/** The id of the next request at the same level, for "drop after this one". */
function nextRequestId(nodes: TreeNode[], i: number): string | null {
  for (let j = i + 1; j < nodes.length; j++) {
    const n = nodes[j];
    if (n.kind === 'request') return n.request.id;
  }
  return null;
}

function EmptyLeaf({ level }: { level: number }) {
  return (
    <div role="none" className="coll-empty-leaf" style={{ paddingLeft: `${(level - 1) * 14 + 24}px` }}>
      Empty
    </div>
  );
}
