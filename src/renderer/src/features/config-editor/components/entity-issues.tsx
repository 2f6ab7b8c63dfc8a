import type { PathSegments } from '../utils/yaml-path';
import { useIssuesAt } from './visual-context';

/** The validator's issues about a whole entry (a missing key, an unknown name), under its heading. */
export function EntityIssues({ path, extra }: { path: PathSegments; extra?: string | null }) {
  const issues = useIssuesAt(path);
  if (issues.length === 0 && !extra) return null;
  return (
    <ul className="ve-entity-issues">
      {extra && <li className="ve-msg-error">{extra}</li>}
      {issues.map((i, n) => (
        <li key={n} className={i.kind === 'warning' ? 've-msg-warn' : 've-msg-error'}>
          {i.message}
        </li>
      ))}
    </ul>
  );
}
