import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpResponse } from '../../../../../shared/ipc';
import type { ConfigDiff } from '../../../../../shared/model';
import { useBridge } from '../../../lib/bridge-context';

export type Validation = OpResponse<'config:validate'>;

/** What the host said about one text: the validator's verdict and, when valid and changed, the reload diff. */
export interface Checked {
  text: string;
  validation: Validation;
  diff: ConfigDiff | null;
  diffError: string | null;
}

/** Validation waits for a pause in typing this long. */
export const VALIDATE_DEBOUNCE_MS = 150;

/**
 * Runs the project's validator on the document after each pause in editing — through `config:diff`
 * when it is a draft of a local site (the validator's verdict plus the reload plan, on screen before
 * Apply), else `config:validate`. Both views show the same result. Answers for an older text are dropped.
 */
export function useValidation(opts: { site: string; fileName: string; text: string; savedText: string; withDiff: boolean }) {
  const bridge = useBridge();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(opts);
  latest.current = opts;
  const seq = useRef(0);

  const check = useCallback(async (): Promise<Checked | null> => {
    const { site, fileName, text, savedText, withDiff } = latest.current;
    const mine = ++seq.current;
    try {
      let diff: ConfigDiff | null = null;
      let diffError: string | null = null;
      let validation: Validation | null = null;
      // A draft of a local site goes straight to config:diff, which runs the same validator first:
      // one parse on the host per pause instead of two (a 10,000-backend file costs ~1.5 s each).
      if (withDiff && text !== savedText) {
        try {
          const r = await bridge.invoke('config:diff', { site, text });
          validation = r.validation;
          diff = r.diff;
        } catch (e) {
          diffError = e instanceof Error ? e.message : String(e);
        }
      }
      validation ??= await bridge.invoke('config:validate', { text, fileName });
      if (mine !== seq.current) return null;
      const c = { text, validation, diff, diffError };
      setChecked(c);
      setError(null);
      return c;
    } catch (e) {
      if (mine === seq.current) setError(e instanceof Error ? e.message : String(e));
      return null;
    }
  }, [bridge]);

  useEffect(() => {
    const t = setTimeout(() => void check(), VALIDATE_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [opts.text, opts.savedText, check]);

  /** The result for the current text, checking it now when the last answer is for an older one. */
  const ensure = useCallback(async () => {
    const c = checked;
    if (c && c.text === latest.current.text && (c.diff || !c.validation.ok || c.text === latest.current.savedText)) return c;
    return check();
  }, [checked, check]);

  return { checked, current: checked?.text === opts.text, error, refresh: check, ensure };
}
