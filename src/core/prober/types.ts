import type { ProbeCode } from '../../shared/model';

export type ProberKind = 'icmp' | 'tcp' | 'http' | 'https';

/** Everything a prober needs, resolved from the config by the checker (probers never see YAML). */
export interface ProbeTarget {
  readonly kind: ProberKind;
  /** Literal IPv4 or IPv6 address: never resolved through DNS. */
  readonly address: string;
  readonly family: 4 | 6;
  /** 0 for icmp. */
  readonly port: number;
  /** Bind the probe's socket to this source address; null = kernel's choice. */
  readonly sourceAddress: string | null;
  readonly http: {
    readonly path: string;
    /** Host header value (the backend address when the config has none). */
    readonly host: string;
    readonly codeMin: number;
    readonly codeMax: number;
    readonly regexp: RegExp | null;
    /** SNI; null = none. */
    readonly serverName: string | null;
    readonly insecureSkipVerify: boolean;
  } | null;
  readonly tcp: {
    readonly ssl: boolean;
    readonly serverName: string | null;
    readonly insecureSkipVerify: boolean;
  } | null;
}

export interface ProbeOptions {
  /** Aborts the probe (backend removed, checker stopped); the result is then a timeout-like failure. */
  readonly signal?: AbortSignal;
  /** Hard bound on the whole probe; reaching it is a failure with a *TOUT code. */
  readonly timeoutMs: number;
}

/** What one probe found. Expected failures are results, never throws. */
export type ProbeOutcome =
  | { readonly ok: true; readonly code: ProbeCode; readonly detail: string; readonly durationMs: number }
  | { readonly ok: false; readonly code: ProbeCode; readonly detail: string; readonly durationMs: number };

/** One probe type; `probe` resolves with an outcome and never rejects. */
export interface Prober {
  readonly kind: ProberKind;
  probe(target: ProbeTarget, options: ProbeOptions): Promise<ProbeOutcome>;
}

/** Dispatches by kind; also owns long-lived resources (ICMP socket, netns worker). */
export interface ProberRegistry {
  get(kind: ProberKind): Prober;
  /** Releases sockets, child processes and timers. */
  dispose(): Promise<void>;
}
