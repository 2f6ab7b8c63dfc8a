/**
 * The checks every IPC request passes, in this order: the sender is the app's own page, the channel
 * names a contract operation, the payload parses against its request schema, a read-only app refuses
 * mutations. Only then is the parsed payload forwarded to the site host. Every outcome is an Envelope.
 */
import { CHANNEL_PREFIX, isOperationName, operations, type BridgeError, type Envelope } from '../../shared/ipc';
import type { RequestContext } from '../../core/sites';
import type { Logger } from '../../core/log';
import { toAppError } from '../../core/util';
import type { SiteHost } from '../host';
import type { SenderInfo } from './sender-check';

export interface IpcDispatcherDeps {
  host: Pick<SiteHost, 'invoke'>;
  isTrustedSender(event: SenderInfo): boolean;
  context: RequestContext;
  logger: Logger;
}

export interface IpcDispatcher {
  handle(channel: string, event: SenderInfo, payload: unknown): Promise<Envelope<unknown>>;
}

const fail = (code: string, message: string): Envelope<never> => ({ ok: false, error: { code, message } });

/** Summarises schema issues as `path: message; …` (the first few; enough to fix a call). */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(payload)'}: ${i.message}`);
  return shown.join('; ') + (issues.length > 3 ? `; and ${issues.length - 3} more` : '');
}

/** Creates the dispatcher shared by every `maglev:<op>` handler. */
export function createIpcDispatcher(deps: IpcDispatcherDeps): IpcDispatcher {
  const { logger } = deps;
  return {
    async handle(channel, event, payload) {
      if (!deps.isTrustedSender(event)) {
        logger.warn('refused IPC from a foreign frame', { channel, url: event.senderFrame?.url ?? '(none)' });
        return fail('FORBIDDEN', 'this page may not use the app bridge');
      }
      const name = channel.startsWith(CHANNEL_PREFIX) ? channel.slice(CHANNEL_PREFIX.length) : '';
      if (!isOperationName(name)) return fail('UNKNOWN_OPERATION', `unknown operation ${JSON.stringify(channel.slice(0, 80))}`);
      const op = operations[name];
      // A missing payload means "no arguments", as in the site service.
      const parsed = op.request.safeParse(payload ?? {});
      if (!parsed.success) return fail('INVALID_REQUEST', `${name}: ${describeIssues(parsed.error.issues)}`);
      if (op.mutates && deps.context.readOnly) return fail('READ_ONLY', `${name} is refused: the app runs read-only`);
      try {
        return await deps.host.invoke(name, parsed.data, deps.context);
      } catch (e) {
        const error: BridgeError = toAppError(e);
        logger.error('site host invoke threw', { op: name, err: e });
        return { ok: false, error };
      }
    },
  };
}
