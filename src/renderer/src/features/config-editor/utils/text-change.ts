/** One replaced range: `from..to` of the old text becomes `insert`. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/**
 * Returns the smallest single range that turns `a` into `b` (common prefix and suffix kept), or null
 * when they are equal. One range is enough for the mirrored editor: CodeMirror keeps the cursor and
 * the scroll position outside it.
 */
export function textChange(a: string, b: string): TextChange | null {
  if (a === b) return null;
  const max = Math.min(a.length, b.length);
  let start = 0;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  return { from: start, to: endA, insert: b.slice(start, endB) };
}

/** Applies a change to a text. */
export function applyChange(text: string, c: TextChange): string {
  return text.slice(0, c.from) + c.insert + text.slice(c.to);
}
