import type { RefObject } from 'react';
import { DRAG_TYPE, type DragItem } from '../components/visual-context';

/** What is being dragged: the drop's data when the browser gives it, else what our dragstart recorded. */
export function readDrag(dt: DataTransfer | null, ref: RefObject<DragItem | null>): DragItem | null {
  const raw = dt?.getData(DRAG_TYPE);
  if (raw) {
    try {
      return JSON.parse(raw) as DragItem;
    } catch {
      // Foreign data of our type: fall back to the recorded item.
    }
  }
  return ref.current;
}

/** Starts a drag of `item`: our type for our drop targets, the name as text for anything else. */
export function startDrag(dt: DataTransfer, ref: RefObject<DragItem | null>, item: DragItem, label: string): void {
  ref.current = item;
  dt.setData(DRAG_TYPE, JSON.stringify(item));
  dt.setData('text/plain', label);
  dt.effectAllowed = item.kind === 'backend' ? 'copy' : 'move';
}
