import type { ConfigEdit, YamlValue } from '../../../../../shared/model';

type Path = (string | number)[];

/**
 * The edit that writes `value` at `path`, or removes the key when `value` is null (the default then
 * applies). Null when nothing needs to change (removing a key that is not there).
 */
export function setOrDelete(path: Path, value: YamlValue | null, present: boolean): ConfigEdit | null {
  if (value !== null) return { op: 'set', path, value };
  return present ? { op: 'delete', path } : null;
}

/** The edit for a boolean key with a default: the default is written by leaving the key out. */
export function boolEdit(path: Path, value: boolean, fallback: boolean, present: boolean): ConfigEdit | null {
  return setOrDelete(path, value === fallback ? null : value, present);
}
