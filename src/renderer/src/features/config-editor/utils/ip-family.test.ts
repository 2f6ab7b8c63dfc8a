import { describe, expect, it } from 'vitest';
import { ipFamily } from './ip-family';

describe('ipFamily', () => {
  it('tells IPv4 from IPv6 and rejects names', () => {
    expect(ipFamily('10.0.0.1')).toBe(4);
    expect(ipFamily('2001:db8::1')).toBe(6);
    expect(ipFamily('::1')).toBe(6);
    expect(ipFamily('::ffff:10.0.0.1')).toBe(6);
    expect(ipFamily('1:2:3:4:5:6:7:8')).toBe(6);
    for (const bad of ['bogus', '10.0.0.256', '1:2:3:4:5:6:7:8:9', '1::2::3', 'web.example.com', '']) expect(ipFamily(bad)).toBeNull();
  });
});
