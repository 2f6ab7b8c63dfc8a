import { z } from 'zod';
import { ConfigDiffSchema } from './config';

/**
 * Structured edits of a maglev.yaml, applied by the host to the text with the `yaml` Document API so
 * that comments, key order and formatting outside the edited nodes survive (`config:edit`). The
 * visual config editor sends these; the YAML editor edits the same text directly.
 */

const Name = z.string().min(1).max(256);
/** A YAML path: map keys and sequence indexes, e.g. ['maglev', 'healthchecks', 'http', 'rise']. */
export const YamlPathSchema = z
  .array(z.union([z.string().max(256), z.number().int().min(0)]))
  .min(1)
  .max(16);
export type YamlPathInput = z.infer<typeof YamlPathSchema>;

/** Plain YAML data: scalars, lists and maps (no anchors, tags or aliases). */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };
export const YamlValueSchema: z.ZodType<YamlValue> = z.lazy(() =>
  z.union([
    z.string().max(65_536),
    z.number().finite(),
    z.boolean(),
    z.null(),
    z.array(YamlValueSchema).max(10_000),
    z.record(z.string().max(256), YamlValueSchema),
  ]),
);

const Weight = z.number().int().min(0).max(100);
const PoolRef = { frontend: Name, pool: Name };

export const ConfigEditSchema = z.discriminatedUnion('op', [
  /** Sets the value at `path`, creating missing maps on the way (a field of a form). */
  z.object({ op: z.literal('set'), path: YamlPathSchema, value: YamlValueSchema }),
  /** Removes the entry at `path` (an optional field cleared). */
  z.object({ op: z.literal('delete'), path: YamlPathSchema }),
  /** Renames a backend everywhere (its key and every pool reference). */
  z.object({ op: z.literal('rename-backend'), from: Name, to: Name }),
  /** Renames a health check and every backend's reference to it. */
  z.object({ op: z.literal('rename-healthcheck'), from: Name, to: Name }),
  /** Renames a frontend (its key). */
  z.object({ op: z.literal('rename-frontend'), from: Name, to: Name }),
  /** Adds a backend to `maglev.backends`. */
  z.object({
    op: z.literal('add-backend'),
    name: Name,
    address: z.string().max(64),
    healthcheck: Name.optional(),
    enabled: z.boolean().optional(),
  }),
  /** Removes a backend and every pool membership of it. */
  z.object({ op: z.literal('remove-backend'), name: Name }),
  /** Adds a health check with the given fields (`type` at least). */
  z.object({
    op: z.literal('add-healthcheck'),
    name: Name,
    fields: z.record(z.string().max(64), YamlValueSchema),
  }),
  /** Removes a health check (backends still naming it make the config invalid until changed). */
  z.object({ op: z.literal('remove-healthcheck'), name: Name }),
  /** Sets one pool member's weight (0-100). */
  z.object({ op: z.literal('set-weight'), ...PoolRef, backend: Name, weight: Weight }),
  /** Puts a backend into a pool at `index` (default: last), with an optional weight. */
  z.object({
    op: z.literal('add-member'),
    ...PoolRef,
    backend: Name,
    weight: Weight.optional(),
    index: z.number().int().min(0).optional(),
  }),
  /** Takes a backend out of a pool. */
  z.object({ op: z.literal('remove-member'), ...PoolRef, backend: Name }),
  /** Moves a backend between two pools of a frontend (or within one) to `index` (default: last), keeping its weight. */
  z.object({
    op: z.literal('move-member'),
    frontend: Name,
    from: Name,
    to: Name,
    backend: Name,
    index: z.number().int().min(0).optional(),
  }),
  /** Moves a pool of a frontend to position `index` (pool order is failover order). */
  z.object({ op: z.literal('move-pool'), ...PoolRef, index: z.number().int().min(0) }),
  /** Appends an empty pool to a frontend. */
  z.object({ op: z.literal('add-pool'), ...PoolRef }),
  /** Removes a pool of a frontend. */
  z.object({ op: z.literal('remove-pool'), ...PoolRef }),
  /** Copies a frontend under a new name (the copy needs its own address or port to be valid). */
  z.object({ op: z.literal('duplicate-frontend'), frontend: Name, as: Name }),
  /** Removes a frontend. */
  z.object({ op: z.literal('remove-frontend'), frontend: Name }),
]);
export type ConfigEdit = z.infer<typeof ConfigEditSchema>;

/** One applied config kept in the site's config history (the newest 50 per site). */
export const ConfigHistoryEntrySchema = z.object({
  id: z.string(),
  atMs: z.number(),
  /** OS user and host of whoever applied it, and through which host (electron or web). */
  user: z.string(),
  host: z.string(),
  origin: z.string(),
  /** The file it was saved to. */
  path: z.string(),
  bytes: z.number().int(),
  /** What applying it did to the running config. */
  diff: ConfigDiffSchema,
});
export type ConfigHistoryEntry = z.infer<typeof ConfigHistoryEntrySchema>;
