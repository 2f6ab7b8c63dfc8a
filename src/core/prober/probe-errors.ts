// A probe's socket and certificate errors in a few words (spec/health.md: detail is short human text).
const ERRNO_DETAIL: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
  EADDRNOTAVAIL: 'source address not available',
  EPIPE: 'connection closed',
};

/** OpenSSL's own words for the verify results a health check meets most (X509_verify_cert_error_string). */
const TLS_VERIFY_DETAIL: Record<string, string> = {
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  UNABLE_TO_GET_ISSUER_CERT: 'unable to get issuer certificate',
  CERT_REVOKED: 'certificate revoked',
  CERT_SIGNATURE_FAILURE: 'certificate signature failure',
  CERT_UNTRUSTED: 'certificate not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificate does not match the server name',
};

/** Describes a socket error in a few words ("connection refused", "wrong version number"). */
export function describeError(e: NodeJS.ErrnoException & { reason?: unknown }): string {
  const known = e.code ? ERRNO_DETAIL[e.code] : undefined;
  if (known) return known;
  // An OpenSSL error's message is its error-queue dump ("80CC…:error:0A00010B:SSL routines:…:ssl3_record.c:350:\n");
  // `reason` is the human part of it.
  if (typeof e.reason === 'string' && e.reason !== '') return e.reason;
  return e.message.split('\n')[0] || e.code || 'socket error';
}

/** Describes a certificate verify failure from its code ("CERT_HAS_EXPIRED" → "certificate has expired"). */
export function describeVerifyError(code: unknown): string {
  const c =
    typeof code === 'string'
      ? code
      : ((code as { code?: string } | null)?.code ?? 'certificate verify failed');
  return TLS_VERIFY_DETAIL[c] ?? c.toLowerCase().replace(/_/g, ' ');
}
