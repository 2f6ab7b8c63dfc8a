import { useSyncExternalStore } from 'react';
import type { DocumentSnapshot, DocumentStore } from '../utils/document-store';

/** Subscribes a component to the document (text, dirty, undo/redo). */
export function useDocument(store: DocumentStore): DocumentSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
