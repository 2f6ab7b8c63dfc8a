/** What a remote maglevd reports about its VPP dataplane (GetVPPInfo); times in Unix ms. */
export interface VppInfo {
  version: string;
  buildDate: string;
  buildDirectory: string;
  pid: number;
  boottimeMs: number;
  connecttimeMs: number;
}

/** One application server (backend) of a VPP LB VIP. */
export interface VppLbAs {
  address: string;
  weight: number;
  buckets: number;
  flushed: boolean;
}

/** One VIP as programmed in VPP's load balancer. */
export interface VppLbVip {
  prefix: string;
  protocol: string;
  port: number;
  encap: string;
  srcIpSticky: boolean;
  flowTableLength: number;
  applicationServers: VppLbAs[];
}

/** The VPP LB state (GetVPPLBState). */
export interface VppLbState {
  ipv4SrcAddress: string;
  ipv6SrcAddress: string;
  vips: VppLbVip[];
}

/** Per-VIP packet counters (GetVPPLBCounters). */
export interface VppLbVipCounters {
  prefix: string;
  protocol: string;
  port: number;
  nextPackets: number;
  firstPackets: number;
  untrackedPackets: number;
  noServerPackets: number;
  routePackets: number;
  routeBytes: number;
}

/** Everything known about a remote site's VPP; `null` members were not available. */
export interface VppSnapshot {
  info: VppInfo | null;
  lbState: VppLbState | null;
  counters: VppLbVipCounters[] | null;
  /** Unix ms of the last successful fetch. */
  fetchedAtMs: number;
}
