import type { ConfigModel } from '../utils/config-model';

/** The entries a filter text matches: names and addresses; a frontend also by its members' names. */
export function filterModel(model: ConfigModel, filter: string): Pick<ConfigModel, 'healthchecks' | 'backends' | 'frontends'> {
  const q = filter.trim().toLowerCase();
  if (!q) return model;
  const hit = (...xs: unknown[]) => xs.some((x) => typeof x === 'string' && x.toLowerCase().includes(q));
  return {
    healthchecks: model.healthchecks.filter((h) => hit(h.name)),
    backends: model.backends.filter((b) => hit(b.name, b.address)),
    frontends: model.frontends.filter((f) => hit(f.name, f.fields.address, f.fields.description) || f.pools.some((p) => p.members.some((m) => hit(m.backend)))),
  };
}
