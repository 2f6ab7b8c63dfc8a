/** A set of listeners per event name; `add` returns the remover. */
export function createListenerMap() {
  const map = new Map<string, Set<(p: unknown) => void>>();
  return {
    add(event: string, listener: (p: unknown) => void): () => void {
      let set = map.get(event);
      if (!set) map.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(event: string, payload: unknown): void {
      for (const l of map.get(event) ?? []) l(payload);
    },
  };
}
