import { useRef } from 'react';
import { useConfigModel } from '../hooks/use-config-model';
import type { ConfigModel } from '../utils/config-model';
import type { ModelParser } from '../utils/model-parser';
import { VisualView, type VisualViewProps } from './visual-view';

/**
 * The structured view of the document, parsed from the current text (deferred, or on a worker for
 * large files, so typing in the YAML view never waits for it). While the YAML does not parse, the last
 * good structure stays visible, locked, with the parse error; the legacy form is shown but not edited.
 */
export function VisualEditor({ text, parser, readOnly, ...rest }: Omit<VisualViewProps, 'model' | 'banner'> & { text: string; parser: ModelParser }) {
  const { result: parsed, pending } = useConfigModel(text, parser);
  const lastGood = useRef<ConfigModel | null>(null);
  if (parsed?.ok) lastGood.current = parsed.model;
  const model = parsed?.ok ? parsed.model : lastGood.current;
  const banner = parsed && !parsed.ok ? (
    <p className="ve-banner ve-banner-error" role="alert">
      The YAML does not parse (line {parsed.line}:{parsed.col}: {parsed.message}). Fix it in the YAML view; visual editing is off until then.
    </p>
  ) : model?.legacy ? (
    <p className="ve-banner warning">
      This file uses the legacy <code>vips:</code> form: edit it in the YAML view (the visual editor works on the current form).
    </p>
  ) : null;
  if (!model) return <div className="ve">{banner ?? <p className="muted">Reading the structure…</p>}</div>;
  return <VisualView {...rest} model={model} banner={banner} pending={pending} readOnly={readOnly || !parsed?.ok || model.legacy} />;
}
