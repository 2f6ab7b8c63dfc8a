/** A YAML path as segments: map keys and sequence indexes. */
export type PathSegments = readonly (string | number)[];

/**
 * Splits a validator path into segments. The validator writes `maglev.frontends.www.pools[0].backends`
 * and quotes odd keys (`maglev.healthchecks["a.b"].port`); a bare number after `pools` (`pools.0`) is
 * read as an index too, so both spellings meet the same field.
 */
export function parseIssuePath(path: string): PathSegments {
  const out: (string | number)[] = [];
  let i = 0;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      i++;
      continue;
    }
    if (ch === '[') {
      const end = path.indexOf(']', i);
      const inner = path.slice(i + 1, end < 0 ? path.length : end);
      i = end < 0 ? path.length : end + 1;
      if (/^\d+$/.test(inner)) out.push(Number(inner));
      else {
        try {
          out.push(String(JSON.parse(inner)));
        } catch {
          out.push(inner);
        }
      }
      continue;
    }
    // A quoted key may contain ']' or '.', so scan to the next '.' or '[' only outside quotes.
    let j = i;
    while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
    const seg = path.slice(i, j);
    out.push(/^\d+$/.test(seg) && out[out.length - 1] === 'pools' ? Number(seg) : seg);
    i = j;
  }
  return out;
}

/** A stable string for a path, to compare an issue's path with a field's. */
export function pathKey(path: PathSegments): string {
  return JSON.stringify(path);
}
