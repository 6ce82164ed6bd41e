import { describe, expect, it } from 'vitest';
import { type Dragged, moveFor } from '../../../renderer/src/features/collections/dnd';

const req = (id: string, folder: string): Dragged => ({ kind: 'request', collectionId: 'c', id, folder });
const target = (id: string, folder: string, nextId: string | null) =>
  ({ kind: 'request', collectionId: 'c', id, folder, nextId }) as const;

describe('what a drop in the collections tree means', () => {
  it('a request dropped before or after another lands there, in that one’s folder', () => {
    expect(moveFor(req('c3', 'S'), target('c1', 'S', 'c2'), 'before')).toEqual({
      collectionId: 'c',
      item: { kind: 'request', id: 'c3' },
      to: { folder: 'S', before: 'c1' },
    });
    expect(moveFor(req('c1', 'S'), target('c2', 'S', 'c3'), 'after')?.to).toEqual({
      folder: 'S',
      before: 'c3',
    });
    // after the last one: last in the folder
    expect(moveFor(req('c1', 'S'), target('c3', 'S', null), 'after')?.to).toEqual({
      folder: 'S',
      before: null,
    });
    // onto itself, or right after where it already is: nothing
    expect(moveFor(req('c1', 'S'), target('c1', 'S', 'c2'), 'before')).toBeNull();
    expect(moveFor(req('c2', 'S'), target('c1', 'S', 'c2'), 'after')).toBeNull();
  });

  it('into a folder or the collection; a folder before a sibling or inside another, never into itself', () => {
    expect(moveFor(req('r', ''), { kind: 'folder', collectionId: 'c', path: 'A' }, 'inside')?.to).toEqual({
      folder: 'A',
    });
    expect(moveFor(req('r', 'A'), { kind: 'collection', collectionId: 'c' }, 'inside')?.to).toEqual({
      folder: '',
    });
    const folder: Dragged = { kind: 'folder', collectionId: 'c', path: 'B' };
    expect(moveFor(folder, { kind: 'folder', collectionId: 'c', path: 'A' }, 'before')?.to).toEqual({
      folder: '',
      before: 'A',
    });
    expect(moveFor(folder, { kind: 'folder', collectionId: 'c', path: 'A/X' }, 'inside')?.to).toEqual({
      folder: 'A/X',
    });
    expect(moveFor(folder, { kind: 'folder', collectionId: 'c', path: 'B/Y' }, 'inside')).toBeNull();
    expect(moveFor(req('r', ''), { kind: 'collection', collectionId: 'other' }, 'inside')).toBeNull();
  });
});
