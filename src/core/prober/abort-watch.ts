// One 'abort' listener per AbortSignal, for any number of probes on it. Node's EventTarget
// addEventListener/removeEventListener cost about 2 µs a probe — 4–5 % of the checker's thread at
// 10,000 probes/s in the daemon's CPU profile — and the checker reuses one signal per backend for many
// probes, so a Set entry per probe is all that is needed.

export interface Abortable {
  onAbort(): void;
}

const watched = new WeakMap<AbortSignal, Set<Abortable>>();

/** Calls `a.onAbort()` when `signal` aborts, unless `unwatchAbort` came first. */
export function watchAbort(signal: AbortSignal, a: Abortable): void {
  let set = watched.get(signal);
  if (!set) {
    const s = new Set<Abortable>();
    set = s;
    watched.set(signal, s);
    signal.addEventListener(
      'abort',
      () => {
        const all = [...s];
        s.clear();
        for (const x of all) x.onAbort();
      },
      { once: true },
    );
  }
  set.add(a);
}

export function unwatchAbort(signal: AbortSignal, a: Abortable): void {
  watched.get(signal)?.delete(a);
}
