/**
 * The config's `response-regexp` is written for Go's RE2 (the seed is Go); probes run JS RegExp.
 * The common RE2-only spellings are translated: a leading inline flag group `(?i)`, `(?s)`,
 * `(?m)` (Node 20 has no inline modifiers), `\A`, `\z` and POSIX classes such as `[[:digit:]]`.
 * Remaining differences: JS also accepts backreferences and lookaround, which RE2 rejects (a file
 * that uses them works here but not in upstream maglevd), and RE2's `(?U)` ungreedy flag and
 * named classes like `\pN` behave differently; those are rejected or left to JS semantics.
 * RE2 also guarantees linear time; JS does not, so a pathological pattern can be slow, which is
 * bounded by the probe timeout and the 64 KiB body limit.
 */

const POSIX: Readonly<Record<string, string>> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: '\\t\\n\\v\\f\\r ',
  xdigit: '0-9A-Fa-f',
  word: '0-9A-Za-z_',
  punct: '!-\\/:-@\\[-`{-~',
  blank: '\\t ',
};

/** Compiles a response regexp written in RE2 syntax; throws a SyntaxError when it does not compile. */
export function compileResponseRegexp(source: string): RegExp {
  let body = source;
  let flags = '';
  const lead = /^\(\?([a-zA-Z]+)\)/.exec(body);
  if (lead) {
    for (const f of lead[1] ?? '') {
      if (f === 'i' || f === 'm' || f === 's') flags += flags.includes(f) ? '' : f;
      else throw new SyntaxError(`unsupported inline flag "${f}" (supported: i, m, s)`);
    }
    body = body.slice(lead[0].length);
  }
  return new RegExp(translate(body), flags);
}

function translate(src: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      const next = src[i + 1] ?? '';
      if (!inClass && next === 'A') out += '^';
      else if (!inClass && next === 'z') out += '(?![\\s\\S])';
      else out += c + next;
      i++;
    } else if (inClass && c === '[' && src[i + 1] === ':') {
      const end = src.indexOf(':]', i + 2);
      const name = end === -1 ? '' : src.slice(i + 2, end);
      const cls = POSIX[name];
      if (cls === undefined) throw new SyntaxError(`unknown POSIX class "[:${name}:]"`);
      out += cls;
      i = end + 1;
    } else {
      if (c === '[' && !inClass) inClass = true;
      else if (c === ']' && inClass) inClass = false;
      out += c;
    }
  }
  return out;
}
