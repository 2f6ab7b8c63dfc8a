// TLS settings of a probe and the one secure context a prober shares across its probes.
import { createSecureContext, type SecureContext } from 'node:tls';

export interface TlsParams {
  readonly serverName: string | null;
  readonly insecureSkipVerify: boolean;
  /** Shared by every probe of a prober (one context, not one per connection); undefined = Node's default. */
  readonly secureContext?: SecureContext;
}

/** CAs a prober trusts instead of Node's bundled roots (tests, private PKI). */
export type TrustedCa = string | Buffer | readonly (string | Buffer)[];

/** Returns a getter of one TLS context for all of a prober's probes, made on first use. */
export function lazySecureContext(ca: TrustedCa | undefined): () => SecureContext {
  let ctx: SecureContext | null = null;
  return () =>
    (ctx ??= createSecureContext(
      ca === undefined ? {} : { ca: ca as string | Buffer | (string | Buffer)[] },
    ));
}
