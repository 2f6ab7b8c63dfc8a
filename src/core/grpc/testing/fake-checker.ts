// Test-only: a small in-memory Checker for the gRPC server tests, so they do not depend on probe
// timing. The daemon tests use the real checker with loopback backends.
import type {
  BackendInfo,
  CheckerEvent,
  FrontendInfo,
  HealthCheckInfo,
  Transition,
} from '../../../shared/model';
import { logLevelRank } from '../../../shared/model';
import type {
  ActionResult,
  Checker,
  EventSubscription,
  SubscribeOptions,
  SubscriptionItem,
} from '../../checker';
import type { Config } from '../../config';

export interface FakeChecker extends Checker {
  /** Delivers an event to every matching subscriber (as the real checker does). */
  emit(event: CheckerEvent): void;
  /** Applies a transition to a backend and emits it. */
  transition(backend: string, to: BackendInfo['state'], code: string, atMs: number): void;
  subscriberCount(): number;
}

function createSubscription(
  opts: SubscribeOptions,
  onClose: () => void,
): EventSubscription & { push(e: CheckerEvent): void } {
  const capacity = opts.capacity ?? 4096;
  let queue: CheckerEvent[] = [];
  let dropped = 0;
  let readable: (() => void) | null = null;
  let closed = false;
  const fire = (): void => {
    const cb = readable;
    readable = null;
    if (cb) queueMicrotask(cb);
  };
  return {
    push(e) {
      if (closed) return;
      if (queue.length >= capacity) dropped++;
      else queue.push(e);
      fire();
    },
    drain() {
      const out: SubscriptionItem[] = dropped > 0 ? [{ type: 'dropped', count: dropped }, ...queue] : queue;
      queue = [];
      dropped = 0;
      return out;
    },
    onReadable(cb) {
      readable = cb;
      if (queue.length > 0 || dropped > 0 || closed) fire();
      return () => {
        if (readable === cb) readable = null;
      };
    },
    close() {
      if (closed) return;
      closed = true;
      fire();
      onClose();
    },
    get closed() {
      return closed;
    },
    async *[Symbol.asyncIterator]() {
      // Not used by the server; present to satisfy the interface.
      for (const item of this.drain()) yield item;
    },
  };
}

function wants(opts: SubscribeOptions, e: CheckerEvent): boolean {
  if (e.type === 'backend') return opts.backend !== false;
  if (e.type === 'frontend') return opts.frontend !== false;
  return opts.logLevel != null && logLevelRank(e.record.level) >= logLevelRank(opts.logLevel);
}

const notFound = (kind: string, name: string): ActionResult<never> => ({
  ok: false,
  error: { code: 'NOT_FOUND', message: `no ${kind} named "${name}"` },
});

/** Creates a fake checker over fixed frontends, backends and health checks. */
export function createFakeChecker(init: {
  frontends: FrontendInfo[];
  backends: BackendInfo[];
  healthchecks: HealthCheckInfo[];
  now: () => number;
}): FakeChecker {
  const frontends = new Map(init.frontends.map((f) => [f.name, structuredClone(f)]));
  const backends = new Map(init.backends.map((b) => [b.name, structuredClone(b)]));
  const checks = new Map(init.healthchecks.map((h) => [h.name, structuredClone(h)]));
  const subs = new Set<ReturnType<typeof createSubscription>>();
  const subOpts = new Map<ReturnType<typeof createSubscription>, SubscribeOptions>();

  const emit = (e: CheckerEvent): void => {
    for (const s of subs) if (wants(subOpts.get(s)!, e)) s.push(e);
  };
  const move = (name: string, to: BackendInfo['state'], code: string, atMs: number): BackendInfo => {
    const b = backends.get(name)!;
    const t: Transition = { from: b.state, to, atMs, code, detail: '' };
    b.state = to;
    b.transitions = [t, ...b.transitions].slice(0, 5);
    emit({ type: 'backend', backend: name, transition: t, info: structuredClone(b) });
    return structuredClone(b);
  };
  const act = (
    name: string,
    guard: (b: BackendInfo) => string | null,
    apply: (b: BackendInfo) => BackendInfo,
  ): ActionResult<BackendInfo> => {
    const b = backends.get(name);
    if (!b) return notFound('backend', name);
    const why = guard(b);
    if (why) return { ok: false, error: { code: 'FAILED_PRECONDITION', message: why } };
    return { ok: true, value: apply(b) };
  };
  const disabledGuard = (b: BackendInfo): string | null =>
    b.enabled ? null : `backend "${b.name}" is disabled`;

  return {
    emit,
    transition: (n, to, code, at) => void move(n, to, code, at),
    subscriberCount: () => subs.size,
    config: () => ({}) as Config,
    listFrontends: () => [...frontends.keys()],
    getFrontend: (n) => structuredClone(frontends.get(n)),
    listBackends: () => [...backends.keys()],
    getBackend: (n) => structuredClone(backends.get(n)),
    listHealthChecks: () => [...checks.keys()],
    getHealthCheck: (n) => structuredClone(checks.get(n)),
    isProbing: () => false,
    history: () => undefined,
    subscribe(opts = {}) {
      const s = createSubscription(opts, () => {
        subs.delete(s);
        subOpts.delete(s);
      });
      subs.add(s);
      subOpts.set(s, opts);
      if (opts.frontend !== false && opts.initialFrontendEvents !== false) {
        for (const f of frontends.values())
          s.push({ type: 'frontend', frontend: f.name, from: f.state, to: f.state, atMs: init.now() });
      }
      return s;
    },
    start: () => {},
    reload: () => {
      throw new Error('the fake checker does not reload');
    },
    pause: (n) =>
      act(n, disabledGuard, (b) =>
        b.state === 'paused' ? structuredClone(b) : move(n, 'paused', 'paused', init.now()),
      ),
    resume: (n) =>
      act(n, disabledGuard, (b) =>
        b.state !== 'paused' ? structuredClone(b) : move(n, 'unknown', 'resumed', init.now()),
      ),
    disable: (n) =>
      act(
        n,
        () => null,
        (b) => {
          if (!b.enabled) return structuredClone(b);
          b.enabled = false;
          return move(n, 'disabled', 'disabled', init.now());
        },
      ),
    enable: (n) =>
      act(
        n,
        () => null,
        (b) => {
          if (b.enabled) return structuredClone(b);
          b.enabled = true;
          return move(n, 'unknown', 'enabled', init.now());
        },
      ),
    setWeight(fe, pool, be, weight) {
      const f = frontends.get(fe);
      if (!f) return notFound('frontend', fe);
      const p = f.pools.find((x) => x.name === pool);
      if (!p) return notFound(`pool in frontend "${fe}"`, pool);
      const m = p.backends.find((x) => x.name === be);
      if (!m) return notFound(`backend in pool "${pool}"`, be);
      m.weight = weight;
      return { ok: true, value: structuredClone(f) };
    },
    stop: async () => {
      for (const s of [...subs]) s.close();
    },
  };
}
