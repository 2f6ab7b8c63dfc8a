import { describe, expect, it } from 'vitest';
import { ipFamily } from './ip';

describe('ipFamily', () => {
  it.each(['0.0.0.0', '10.0.0.1', '255.255.255.255', '192.0.2.80'])('%s is IPv4', (a) => expect(ipFamily(a)).toBe(4));
  it.each(['::', '::1', '2001:db8::1', '2001:db8:0:0:0:0:0:1', 'fe80::1:2', '::ffff:192.0.2.1', '2001:DB8::A', '1:2:3:4:5:6:7::'])(
    '%s is IPv6',
    (a) => expect(ipFamily(a)).toBe(6),
  );
  it.each(['', '10.0.0', '10.0.0.256', '010.0.0.1', '1.2.3.4.5', 'a.b.c.d', ':::', '2001:db8::1::2', '1:2:3:4:5:6:7:8:9', 'fe80::1%eth0', '12345::1', 'www.example.com', ' 10.0.0.1'])(
    '%j is not an IP literal',
    (a) => expect(ipFamily(a)).toBeNull(),
  );
});
