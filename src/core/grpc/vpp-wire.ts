import type { VPPInfo__Output } from './generated/maglev/VPPInfo';
import type { VPPLBCounters__Output } from './generated/maglev/VPPLBCounters';
import type { VPPLBState__Output } from './generated/maglev/VPPLBState';
import { nsToMs, u64ToNumber } from './nanos';
import type { VppInfo, VppLbState, VppLbVipCounters } from './vpp-types';

/** Maps GetVPPInfo's reply to the domain (times in ms). */
export function vppInfoFromWire(v: VPPInfo__Output): VppInfo {
  return {
    version: v.version,
    buildDate: v.buildDate,
    buildDirectory: v.buildDirectory,
    pid: v.pid,
    boottimeMs: nsToMs(v.boottimeNs),
    connecttimeMs: nsToMs(v.connecttimeNs),
  };
}

/** Maps GetVPPLBState's reply to the domain. */
export function vppLbStateFromWire(v: VPPLBState__Output): VppLbState {
  return {
    ipv4SrcAddress: v.ipv4SrcAddress,
    ipv6SrcAddress: v.ipv6SrcAddress,
    vips: v.vips.map((vip) => ({
      prefix: vip.prefix,
      protocol: vip.protocol,
      port: vip.port,
      encap: vip.encap,
      srcIpSticky: vip.srcIpSticky,
      flowTableLength: vip.flowTableLength,
      applicationServers: vip.applicationServers.map((a) => ({
        address: a.address,
        weight: a.weight,
        buckets: a.buckets,
        flushed: a.flushed,
      })),
    })),
  };
}

/** Maps GetVPPLBCounters' reply to the domain (uint64 counters as numbers). */
export function vppCountersFromWire(v: VPPLBCounters__Output): VppLbVipCounters[] {
  return v.vips.map((c) => ({
    prefix: c.prefix,
    protocol: c.protocol,
    port: c.port,
    nextPackets: u64ToNumber(c.nextPackets),
    firstPackets: u64ToNumber(c.firstPackets),
    untrackedPackets: u64ToNumber(c.untrackedPackets),
    noServerPackets: u64ToNumber(c.noServerPackets),
    routePackets: u64ToNumber(c.routePackets),
    routeBytes: u64ToNumber(c.routeBytes),
  }));
}
