import type { DemoBackend } from './demo-backends';

/** Timing of the demo's checks: short, so that the demo moves within seconds. */
export const DEMO_TIMING = { interval: '1s', fastInterval: '500ms', downInterval: '2s', timeout: '400ms', rise: 2, fall: 2 };

function checkOf(b: DemoBackend): string {
  const t = DEMO_TIMING;
  const head = [
    `    ${b.name}:`,
    `      type: ${b.check}`,
    `      port: ${b.port}`,
    `      interval: ${t.interval}`,
    `      fast-interval: ${t.fastInterval}`,
    `      down-interval: ${t.downInterval}`,
    `      timeout: ${t.timeout}`,
    `      rise: ${t.rise}`,
    `      fall: ${t.fall}`,
  ];
  if (b.check === 'http') head.push('      params:', '        path: /healthz', '        response-code: 200-299', '        response-regexp: "ok"');
  return head.join('\n');
}

const BEHAVIOUR_NOTE: Record<DemoBackend['behaviour'], string> = {
  steady: '',
  'flap-503': '   # answers 503 for a while, now and then',
  slow: '   # becomes slower than the timeout, now and then',
  refuse: '   # closes its port (connection refused), now and then',
};

/**
 * Builds the demo site's maglev.yaml for the running demo backends: three frontends (an IPv6 one when
 * [::1] works), ten backends across pools, http and tcp checks with 1 s intervals.
 */
export function buildDemoConfig(backends: readonly DemoBackend[], ipv6: boolean): string {
  const thirdMembers = backends.filter((b) => /^(v6|static)-/.test(b.name)).map((b) => b.name);
  const members = (names: string[], weights: Record<string, number> = {}) =>
    names.map((n) => `            ${n}: ${weights[n] !== undefined ? `{ weight: ${weights[n]} }` : '{}'}`).join('\n');
  const third = ipv6
    ? ['    www-v6:', '      description: public web over IPv6', '      address: 2001:db8::80', '      protocol: tcp', '      port: 80']
    : ['    static-v4:', '      description: static content (IPv6 loopback unavailable here)', '      address: 198.51.100.82', '      protocol: tcp', '      port: 80'];
  return [
    '# The demo site of maglev-monitor, written at every start (the ports change each time).',
    '# Its backends are small servers the app runs on the loopback; edits here last until the app quits.',
    '# Every demo backend has its own port, and a port belongs to a check, so each has its own check.',
    'maglev:',
    '  healthchecker:',
    '    transition-history: 10',
    '  healthchecks:',
    backends.map(checkOf).join('\n'),
    '  backends:',
    backends.map((b) => `    ${b.name}: { address: ${b.host}, healthcheck: ${b.name} }${BEHAVIOUR_NOTE[b.behaviour]}`).join('\n'),
    '  frontends:',
    '    www-v4:',
    '      description: public web',
    '      address: 198.51.100.80',
    '      protocol: tcp',
    '      port: 80',
    '      pools:',
    '        - name: primary',
    '          backends:',
    members(['web-1', 'web-2', 'web-3', 'web-4'], { 'web-4': 50 }),
    '        - name: standby',
    '          backends:',
    members(['web-5', 'web-6']),
    '    api-v4:',
    '      description: API (TCP checks)',
    '      address: 198.51.100.81',
    '      protocol: tcp',
    '      port: 443',
    '      src-ip-sticky: true',
    '      pools:',
    '        - name: primary',
    '          backends:',
    members(['api-1', 'api-2']),
    ...third,
    '      pools:',
    '        - name: primary',
    '          backends:',
    members(thirdMembers),
    '',
  ].join('\n');
}
