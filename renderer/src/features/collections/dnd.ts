import { type DragEvent, useState } from 'react';
import type { CollectionMoveArgs } from '../../../../main/shared/workbench';
import { parentPath } from './tree';

/** Drag and drop in the collections tree: what is dragged, where it may land, and the move it means. */

export type Dragged =
  | { kind: 'request'; collectionId: string; id: string; folder: string }
  | { kind: 'folder'; collectionId: string; path: string };

export type DropTarget =
  | { kind: 'collection'; collectionId: string }
  | { kind: 'folder'; collectionId: string; path: string }
  | { kind: 'request'; collectionId: string; id: string; folder: string; nextId: string | null };

export type DropHint = 'before' | 'inside' | 'after';

export const DRAG_TYPE = 'application/x-tandem-tree';

/** Where over the row the pointer is: top/bottom thirds are before/after, the middle is inside (folders). */
export function hintAt(e: DragEvent<HTMLElement>, target: DropTarget): DropHint {
  const rect = e.currentTarget.getBoundingClientRect();
  const y = (e.clientY - rect.top) / Math.max(rect.height, 1);
  if (target.kind === 'collection') return 'inside';
  if (target.kind === 'request') return y < 0.5 ? 'before' : 'after';
  return y < 0.3 ? 'before' : 'inside';
}

/** The `collections.move` arguments for a drop, or null when the drop means nothing (or is not allowed). */
export function moveFor(dragged: Dragged, target: DropTarget, hint: DropHint): CollectionMoveArgs | null {
  if (dragged.collectionId !== target.collectionId) return null;
  const collectionId = target.collectionId;
  if (dragged.kind === 'request') {
    const item = { kind: 'request' as const, id: dragged.id };
    if (target.kind === 'collection') return { collectionId, item, to: { folder: '' } };
    if (target.kind === 'folder') return { collectionId, item, to: { folder: target.path } };
    if (target.id === dragged.id) return null;
    // right after the one before it: it is already there
    if (hint === 'after' && target.nextId === dragged.id) return null;
    const before = hint === 'before' ? target.id : target.nextId;
    return { collectionId, item, to: { folder: target.folder, before } };
  }
  const item = { kind: 'folder' as const, path: dragged.path };
  if (target.kind === 'collection') return { collectionId, item, to: { folder: '' } };
  if (target.kind === 'request') return { collectionId, item, to: { folder: target.folder } };
  if (target.path === dragged.path || target.path.startsWith(`${dragged.path}/`)) return null;
  if (hint === 'before')
    return { collectionId, item, to: { folder: parentPath(target.path), before: target.path } };
  return { collectionId, item, to: { folder: target.path } };
}

/**
 * The tree's drag and drop: `dndFor(key, item, target)` gives a row its drag handlers and its drop
 * marker; a drop that means a move calls `onMove` with the `collections.move` arguments.
 * `disabled` (e.g. while the tree is filtered) makes nothing draggable.
 */
export function useTreeDnd(disabled: boolean, onMove: (args: CollectionMoveArgs) => void) {
  const [dragged, setDragged] = useState<Dragged | null>(null);
  const [drop, setDrop] = useState<{ key: string; hint: DropHint } | null>(null);
  return (key: string, item: Dragged | null, target: DropTarget) => ({
    dropHint: drop?.key === key ? drop.hint : null,
    drag: {
      draggable: item !== null && !disabled,
      onDragStart: (e: DragEvent<HTMLDivElement>) => {
        if (!item) return;
        e.stopPropagation();
        e.dataTransfer.setData(DRAG_TYPE, key);
        e.dataTransfer.effectAllowed = 'move';
        setDragged(item);
      },
      onDragEnd: () => {
        setDragged(null);
        setDrop(null);
      },
      onDragOver: (e: DragEvent<HTMLDivElement>) => {
        if (!dragged || !e.dataTransfer.types.includes(DRAG_TYPE)) return;
        const hint = hintAt(e, target);
        if (!moveFor(dragged, target, hint)) return;
        e.preventDefault();
        e.stopPropagation();
        if (drop?.key !== key || drop.hint !== hint) setDrop({ key, hint });
      },
      onDragLeave: () => setDrop((d) => (d?.key === key ? null : d)),
      onDrop: (e: DragEvent<HTMLDivElement>) => {
        e.preventDefault();
        e.stopPropagation();
        const args = dragged ? moveFor(dragged, target, hintAt(e, target)) : null;
        setDragged(null);
        setDrop(null);
        if (args) onMove(args);
      },
    },
  });
}
