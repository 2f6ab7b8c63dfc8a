import { z } from 'zod';

/** One problem found in a maglev.yaml (spec/config.md). Lines and columns are 1-based. */
export const ConfigIssueSchema = z.object({
  kind: z.enum(['parse', 'semantic', 'warning']),
  /** YAML path, dotted: `maglev.backends.web-a.healthcheck`. */
  path: z.string(),
  line: z.number().int(),
  col: z.number().int(),
  message: z.string(),
});
export type ConfigIssue = z.infer<typeof ConfigIssueSchema>;

const NameListSchema = z.array(z.string());

/** What a reload will do (diffConfigs). */
export const ConfigDiffSchema = z.object({
  backends: z.object({
    added: NameListSchema,
    removed: NameListSchema,
    /** The check (or address, source, netns) changed: the worker restarts, history kept. */
    restarted: NameListSchema,
    unchanged: NameListSchema,
  }),
  frontends: z.object({
    added: NameListSchema,
    removed: NameListSchema,
    changed: z.array(
      z.object({
        name: z.string(),
        /** Human-readable changes, e.g. `pool primary: web-b weight 100 → 50`. */
        changes: z.array(z.string()),
        weightOnly: z.boolean(),
      }),
    ),
    unchanged: NameListSchema,
  }),
  healthchecks: z.object({
    added: NameListSchema,
    removed: NameListSchema,
    changed: NameListSchema,
  }),
  /** Pools that the new config leaves with no enabled backend. */
  emptiedPools: z.array(z.object({ frontend: z.string(), pool: z.string() })),
});
export type ConfigDiff = z.infer<typeof ConfigDiffSchema>;
