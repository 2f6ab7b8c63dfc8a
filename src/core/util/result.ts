/** A value or an error, for boundaries where throwing would lose information. */
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

/** A stable error code plus a human message; what crosses IPC, WebSocket and gRPC boundaries. */
export interface AppError {
  code: string;
  message: string;
}

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

/** Wraps an error as a failed Result. */
export function err<E = AppError>(error: E): Result<never, E> {
  return { ok: false, error };
}

/** An Error with a stable code, thrown inside the core and turned into a value at boundaries. */
export class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CodedError';
  }
}

/** Turns anything thrown into an AppError without leaking a stack trace. */
export function toAppError(e: unknown, fallbackCode = 'INTERNAL'): AppError {
  if (e instanceof CodedError) return { code: e.code, message: e.message };
  if (e instanceof Error) return { code: fallbackCode, message: e.message };
  return { code: fallbackCode, message: String(e) };
}
