import type { IssueSink, Where } from './issues';
import type { Suggester } from './suggest';

/** Shared state of the semantic checks. */
export interface CheckCtx {
  readonly sink: IssueSink;
  readonly suggest: Suggester;
  readonly lineOf: (pos: number) => { line: number; col: number };
}

/** Records a semantic error. */
export function semantic(ctx: CheckCtx, at: Where, message: string): void {
  ctx.sink.add('semantic', at, message);
}

/** Freezes an object and its nested plain objects and arrays (the Config is immutable). */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const child of Object.values(v)) stack.push(child);
  }
  return value;
}
