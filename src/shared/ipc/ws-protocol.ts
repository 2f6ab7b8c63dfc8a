/**
 * The WebSocket framing of the contract, used by the web host and the renderer's WebSocket bridge.
 * One JSON text frame per message. Auth: the page URL carries `?token=…` (see the web host) which the
 * client passes on the WebSocket URL; the host also checks `Origin`.
 */
import { z } from 'zod';
import { BridgeErrorSchema } from './contract';

/** Path of the WebSocket endpoint on the web host. */
export const WS_PATH = '/api/ws';

export const WsRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  op: z.string().max(64),
  payload: z.unknown(),
});
export type WsRequest = z.infer<typeof WsRequestSchema>;

export const WsResponseSchema = z.object({
  id: z.number().int(),
  result: z.union([
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({ ok: z.literal(false), error: BridgeErrorSchema }),
  ]),
});
export type WsResponse = z.infer<typeof WsResponseSchema>;

export const WsEventSchema = z.object({ event: z.string(), payload: z.unknown() });
export type WsEvent = z.infer<typeof WsEventSchema>;

/** Largest frame the host accepts (config texts are bounded at 16 MiB by the contract). */
export const WS_MAX_PAYLOAD = 17 * 1024 * 1024;
