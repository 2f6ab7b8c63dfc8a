// One fixture per validation rule (test/fixtures/config/err-*.yaml): the exact kind, line:col,
// path and message of every issue, in order. Positions point at the offending node: the key for
// unknown or missing things, the value for bad values.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, loadConfig } from './index';

const DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'config');

type Case = [rule: string, file: string, kind: 'parse' | 'semantic', issues: string[]];

const CASES: Case[] = [
  // Parse errors: the file is not a well-formed maglev.yaml.
  ['YAML syntax', 'err-yaml-syntax.yaml', 'parse', ['4:5: Flow map in block collection must be sufficiently indented and end with a }']],
  ['unknown keys anywhere, with suggestions', 'err-unknown-key.yaml', 'parse', [
    '6:7: maglev.backends.web-a.adress: unknown key "adress" in backend (did you mean "address"?)',
    '8:3: maglev.frontend: unknown key "frontend" in maglev (did you mean "frontends"?)',
    '9:1: extra: unknown key "extra" in the top level (valid: maglev)',
  ]],
  ['wrong types', 'err-wrong-type.yaml', 'parse', [
    '5:13: maglev.healthchecks.web.port: expected an integer, got the string "80" (remove the quotes)',
    '6:13: maglev.healthchecks.web.rise: expected an integer, got the string "two"',
    '8:61: maglev.backends.web-a.enabled: expected true or false, got the string "yes"',
  ]],
  ['bare numbers are not durations', 'err-bare-duration.yaml', 'parse', [
    '6:17: maglev.healthchecks.web.interval: bare number 2 is not a duration: add a unit, e.g. "2s" or "2ms"',
  ]],
  ['bad durations', 'err-bad-duration.yaml', 'parse', [
    '6:17: maglev.healthchecks.web.interval: bad duration "2 seconds": expected a number and a unit, e.g. "2s" or "1m30s"',
    '7:16: maglev.healthchecks.web.timeout: bad duration "1x": unknown unit "x" (use ns, us, ms, s, m or h)',
  ]],
  ['duplicate keys', 'err-duplicate-key.yaml', 'parse', ['7:5: maglev.backends.web-a: duplicate key "web-a" (first defined on line 5)']],
  ['params keys unknown to every type', 'err-unknown-param.yaml', 'parse', [
    '7:9: maglev.healthchecks.web.params.pathh: unknown key "pathh" in params (did you mean "path"?)',
  ]],
  ['enumerations (type, protocol)', 'err-bad-enum.yaml', 'parse', [
    '3:18: maglev.healthchecks.web.type: unknown healthcheck type "htp" (did you mean "http"?)',
    '9:17: maglev.frontends.www.protocol: unknown protocol "tcpp" (did you mean "tcp"?)',
  ]],
  ['the legacy form is not mixed with the new one', 'err-legacy-mixed.yaml', 'parse', [
    '4:3: maglev.vips: the legacy "vips:" form cannot be combined with backends; use one form',
  ]],
  ['a top-level maglev: key', 'err-no-maglev.yaml', 'parse', [
    '1:1: missing the top-level "maglev:" key',
    '2:1: healthchecks: unknown key "healthchecks" in the top level (valid: maglev)',
  ]],
  // Semantic errors: well-formed, but wrong.
  ['backend → unknown healthcheck', 'err-unknown-healthcheck.yaml', 'semantic', [
    '7:20: maglev.backends.web-a.healthcheck: no healthcheck named "wbe" (did you mean "web"?)',
  ]],
  ['pool → unknown backend', 'err-unknown-backend.yaml', 'semantic', [
    '15:13: maglev.frontends.www.pools[0].backends.web-c: no backend named "web-c" (did you mean "web-a"?)',
  ]],
  ['frontend without pools', 'err-frontend-no-pools.yaml', 'semantic', [
    '3:5: maglev.frontends.www: frontend has no pools (add at least one pool with backends)',
    '9:14: maglev.frontends.www-empty.pools: frontend has no pools (add at least one pool with backends)',
  ]],
  ['pool without a name', 'err-pool-no-name.yaml', 'semantic', ['11:11: maglev.frontends.www.pools[0]: pool has no name']],
  ['pool without backends', 'err-pool-no-backends.yaml', 'semantic', [
    '7:11: maglev.frontends.www.pools[0]: pool "main" has no backends',
    '9:21: maglev.frontends.www.pools[1].backends: pool "spare" has no backends',
  ]],
  ['duplicate pool names', 'err-duplicate-pool.yaml', 'semantic', [
    '14:17: maglev.frontends.www.pools[1].name: duplicate pool name "main" (first on line 12)',
  ]],
  ['mixed address families across pools', 'err-mixed-family.yaml', 'semantic', [
    `15:23: maglev.frontends.www.pools[1].backends.web6-a: mixed address families: backend "web6-a" in pool "spare" is IPv6 (2001:db8::10) but frontend "www" is IPv4 (192.0.2.80); one frontend's backends must all be one family`,
  ]],
  ['frontend address family vs its backends', 'err-frontend-family.yaml', 'semantic', [
    `13:13: maglev.frontends.www-v6.pools[0].backends.web-a: mixed address families: backend "web-a" in pool "main" is IPv4 (10.0.0.10) but frontend "www-v6" is IPv6 (2001:db8::80); one frontend's backends must all be one family`,
  ]],
  ['probe source address families', 'err-probe-src-family.yaml', 'semantic', [
    '3:21: maglev.healthchecker.probe-ipv4-src: probe-ipv4-src 2001:db8::2 is not an IPv4 address',
    '4:21: maglev.healthchecker.probe-ipv6-src: probe-ipv6-src 10.0.0.2 is not an IPv6 address',
  ]],
  ['weight 0-100', 'err-weight-range.yaml', 'semantic', [
    '14:30: maglev.frontends.www.pools[0].backends.web-a.weight: weight 101 out of range (0-100)',
    '15:30: maglev.frontends.www.pools[0].backends.web-b.weight: weight -1 out of range (0-100)',
  ]],
  ['rise, fall and transition-history >= 1', 'err-rise-fall-history.yaml', 'semantic', [
    '3:25: maglev.healthchecker.transition-history: transition-history 0 must be at least 1',
    '8:13: maglev.healthchecks.web.rise: rise 0 must be at least 1',
    '9:13: maglev.healthchecks.web.fall: fall -2 must be at least 1',
  ]],
  ['timeout no larger than interval or down-interval (explicit or default)', 'err-timeout-interval.yaml', 'semantic', [
    '8:16: maglev.healthchecks.explicit.timeout: timeout 3s is larger than interval 2s; it must not exceed interval or down-interval',
    '12:17: maglev.healthchecks.defaulted.interval: timeout 1s (default) is larger than interval 500ms; it must not exceed interval or down-interval',
  ]],
  ['intervals of at least 10ms', 'err-interval-min.yaml', 'semantic', [
    '6:17: maglev.healthchecks.web.interval: interval 5ms is below the minimum 10ms',
    '7:22: maglev.healthchecks.web.down-interval: down-interval 1ms is below the minimum 10ms',
  ]],
  ['port required for tcp/http/https', 'err-port-missing.yaml', 'semantic', [
    '3:5: maglev.healthchecks.web: missing "port" (required for http checks)',
  ]],
  ['check port 1-65535', 'err-port-range.yaml', 'semantic', [
    '3:31: maglev.healthchecks.web.port: port 70000 out of range for https checks (1-65535)',
    '4:30: maglev.healthchecks.zero.port: port 0 out of range for tcp checks (1-65535)',
  ]],
  ['no port for icmp', 'err-port-icmp.yaml', 'semantic', ['5:13: maglev.healthchecks.ping.port: icmp checks take no port']],
  ['frontend port 0-65535, 0 only with protocol any', 'err-frontend-port.yaml', 'semantic', [
    '10:13: maglev.frontends.zero-tcp.port: port 0 (all ports) needs protocol any, not tcp',
    '14:13: maglev.frontends.too-big.port: port 65536 out of range (0-65535)',
    '19:13: maglev.frontends.any-with-port.port: protocol any covers all ports: port must be 0 (or left out), not 80',
    '21:5: maglev.frontends.no-port: missing "port" (required for protocol udp; 0 only with protocol any)',
  ]],
  ['response-code malformed, inverted or not a status', 'err-response-code.yaml', 'semantic', [
    '6:32: maglev.healthchecks.malformed.params.response-code: response-code "abc" is malformed (use a code such as 200 or a range such as "200-399")',
    '10:32: maglev.healthchecks.inverted.params.response-code: response-code 399-200: the minimum 399 is greater than the maximum 200',
    '14:32: maglev.healthchecks.not-http.params.response-code: response-code 42: 42 is not an HTTP status (100-599)',
  ]],
  ['response-regexp compiles', 'err-regexp.yaml', 'semantic', [
    '7:26: maglev.healthchecks.web.params.response-regexp: response-regexp does not compile: Invalid regular expression: /status: (ok/: Unterminated group',
  ]],
  ['addresses are IP literals', 'err-address.yaml', 'semantic', [
    '5:23: maglev.backends.web-a.address: address "10.0.0.256" is not an IP address (names are never resolved)',
    '6:23: maglev.backends.web-b.address: address "web-b.example.com" is not an IP address (names are never resolved)',
    '9:16: maglev.frontends.www.address: address "192.0.2.080" is not an IP address (names are never resolved)',
  ]],
  ['params valid for the check type', 'err-params-type.yaml', 'semantic', [
    '8:9: maglev.healthchecks.web.params.ssl: "ssl" is not a parameter of http checks (valid for http: path, host, response-code, response-regexp)',
    '11:17: maglev.healthchecks.ping.params.path: "path" is not a parameter of icmp checks (icmp checks take no params)',
  ]],
  ['required keys (type, address, healthcheck)', 'err-missing-required.yaml', 'semantic', [
    '3:5: maglev.healthchecks.web: missing "type" (one of icmp, tcp, http, https)',
    `6:5: maglev.backends.web-a: missing "address" (the backend's IP address)`,
    '8:5: maglev.backends.web-b: missing "healthcheck" (the name of a check under maglev.healthchecks)',
    `11:5: maglev.frontends.www: missing "address" (the frontend's IP address)`,
  ]],
  ['vpp.lb addresses and delays', 'err-vpp.yaml', 'semantic', [
    '4:25: maglev.vpp.lb.ipv4-src-address: ipv4-src-address 2001:db8::1 is not an IPv4 address',
    '6:22: maglev.vpp.lb.sync-interval: sync-interval 0s must be positive',
    '7:26: maglev.vpp.lb.startup-min-delay: startup-min-delay 40s is larger than startup-max-delay 30s',
  ]],
  ['legacy VIPs: IP literals, duplicates, a check each', 'err-legacy-semantic.yaml', 'semantic', [
    '7:29: maglev.vips.www.backends[1]: address "10.0.0.300" is not an IP address (names are never resolved)',
    '7:41: maglev.vips.www.backends[2]: backend 10.0.0.10 is listed twice in this VIP',
    '9:5: maglev.vips.dns: VIP has no "healthcheck"',
  ]],
];

describe('every validation rule reports the exact position, path and message', () => {
  it.each(CASES)('%s (%s)', (_rule, file, kind, expected) => {
    const r = loadConfig(readFileSync(join(DIR, file), 'utf8'), { fileName: file });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe(kind);
    expect(r.issues.map((i) => formatIssue(file, i))).toEqual(expected.map((e) => `${file}:${e}`));
    // Parse-kind files may also carry semantic issues, but a semantic-kind file never has parse ones.
    if (kind === 'semantic') expect(r.issues.every((i) => i.kind === 'semantic')).toBe(true);
  });

  it('covers every err-*.yaml fixture', () => {
    const files = readdirSync(DIR).filter((f) => f.startsWith('err-'));
    expect(new Set(CASES.map((c) => c[1]))).toEqual(new Set(files));
  });
});
