/** Formats an age in ms as `4s`, `3m`, `2h`, `5d`. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.round(h / 24)}d`;
}

/** Formats a latency in ms with sensible precision. */
export function formatMs(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

/** Formats a Unix ms time as local HH:MM:SS. */
export function formatTime(atMs: number): string {
  return new Date(atMs).toLocaleTimeString([], { hour12: false });
}

/** Formats a configured duration in ms the way the config writes it: `400ms`, `1s`, `1.5s`, `2m`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000 || ms % 60_000 !== 0) return `${+(ms / 1000).toFixed(3)}s`;
  return `${ms / 60_000}m`;
}
