import { useId, type ReactNode } from 'react';
import { useIssuesAt } from './visual-context';
import type { PathSegments } from '../utils/yaml-path';

/** What a control needs to be labelled and to announce its problem. */
export interface ControlAttrs {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled field with the validator's issues at its YAML path (the exact messages, tied to the
 * control by aria-describedby) and an optional local problem (a value the form refuses to send).
 */
export function FieldShell({
  label,
  path,
  local,
  hint,
  labelHidden,
  className,
  children,
}: {
  label: string;
  path: PathSegments;
  local?: string | null;
  hint?: ReactNode;
  labelHidden?: boolean;
  className?: string;
  children: (attrs: ControlAttrs) => ReactNode;
}) {
  const id = useId();
  const issues = useIssuesAt(path);
  const errors = issues.filter((i) => i.kind !== 'warning');
  const messages = local ? [local] : issues.map((i) => i.message);
  const invalid = Boolean(local) || errors.length > 0;
  const attrs: ControlAttrs = { id, 'aria-invalid': invalid || undefined, 'aria-describedby': messages.length ? `${id}-msg` : undefined };
  return (
    <div className={`ve-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={labelHidden ? 'sr-only' : undefined}>
        {label}
      </label>
      <span className="ve-control">
        {children(attrs)}
        {hint && <span className="ve-hint">{hint}</span>}
      </span>
      {messages.length > 0 && (
        <small id={`${id}-msg`} className={invalid ? 've-msg ve-msg-error' : 've-msg ve-msg-warn'}>
          {messages.join(' · ')}
        </small>
      )}
    </div>
  );
}
