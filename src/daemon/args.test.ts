import { describe, expect, it } from 'vitest';
import { parseDaemonArgs } from './args';

const ok = (argv: string[]) => {
  const r = parseDaemonArgs(argv);
  if (!r.ok) throw new Error(r.error);
  return r.args;
};
const error = (argv: string[]) => {
  const r = parseDaemonArgs(argv);
  return r.ok ? null : r.error;
};

describe('parseDaemonArgs', () => {
  it('applies the defaults', () => {
    expect(ok(['--config', 'm.yaml'])).toEqual({
      configPath: 'm.yaml',
      grpcAddr: ':9090',
      logLevel: 'info',
      reflection: true,
      tls: null,
      metricsAddr: null,
      check: false,
      help: false,
    });
  });

  it('reads every flag, in --flag value, --flag=value and Go -flag forms', () => {
    expect(
      ok([
        '-config=m.yaml',
        '--grpc-addr',
        '[::1]:9091',
        '--log-level=debug',
        '--reflection=false',
        '--tls-cert',
        'c.pem',
        '--tls-key=k.pem',
        '--tls-client-ca',
        'ca.pem',
        '--metrics-addr',
        '127.0.0.1:9100',
        '--check',
      ]),
    ).toEqual({
      configPath: 'm.yaml',
      grpcAddr: '[::1]:9091',
      logLevel: 'debug',
      reflection: false,
      tls: { certFile: 'c.pem', keyFile: 'k.pem', clientCaFile: 'ca.pem' },
      metricsAddr: '127.0.0.1:9100',
      check: true,
      help: false,
    });
    expect(ok(['--config', 'm', '--check=true', '--reflection']).reflection).toBe(true);
    expect(ok(['-h']).help).toBe(true);
    expect(ok(['--config', 'm', '--grpc-addr', 'localhost:0']).grpcAddr).toBe('localhost:0');
  });

  it.each([
    [[], '--config FILE is required'],
    [['--check'], '--config FILE is required'],
    [['--config'], '--config needs a value'],
    [['--config', '--check'], '--config needs a value'],
    [['--config='], '--config needs a non-empty value'],
    [['--confg', 'm'], 'unknown flag --confg (did you mean --config?)'],
    [['--config', 'm', '--verbose'], 'unknown flag --verbose'],
    [['--config', 'm', 'extra'], 'unexpected argument "extra" (flags start with --)'],
    [['--config', 'a', '--config', 'b'], '--config given more than once'],
    [['---config', 'm'], 'malformed flag "---config"'],
    [['--config', 'm', '--reflection=maybe'], '--reflection=maybe: expected true or false'],
    [['--config', 'm', '--grpc-addr', '9090'], '--grpc-addr "9090": expected HOST:PORT, [IPv6]:PORT or :PORT with a port 0-65535'],
    [['--config', 'm', '--grpc-addr', ':99999'], '--grpc-addr ":99999": expected HOST:PORT, [IPv6]:PORT or :PORT with a port 0-65535'],
    [['--config', 'm', '--metrics-addr', '::1:80'], '--metrics-addr "::1:80": expected HOST:PORT, [IPv6]:PORT or :PORT with a port 0-65535'],
    [['--config', 'm', '--log-level', 'trace'], '--log-level "trace": expected one of debug, info, warn, error'],
    [['--config', 'm', '--tls-cert', 'c'], '--tls-cert and --tls-key go together'],
    [['--config', 'm', '--tls-client-ca', 'ca'], '--tls-client-ca needs --tls-cert and --tls-key'],
  ])('%j → %s', (argv, message) => {
    expect(error(argv)).toBe(message);
  });
});
