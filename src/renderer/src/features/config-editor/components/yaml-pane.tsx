import type { ConfigIssue } from '../../../../../shared/model';
import type { DocumentStore } from '../utils/document-store';
import { useCodeMirror } from './use-code-mirror';

/** The validator's problems as a list under the YAML, with their line:col. */
export function IssueList({ issues, label = 'Config problems' }: { issues: ConfigIssue[]; label?: string }) {
  if (issues.length === 0) return null;
  return (
    <ul className="issue-list" aria-label={label}>
      {issues.map((i, n) => (
        <li key={n} className={i.kind === 'warning' ? 'warning' : 'error'}>
          <code>
            {i.line}:{i.col}
          </code>{' '}
          {i.path ? `${i.path}: ` : ''}
          {i.message}
        </li>
      ))}
    </ul>
  );
}

/** The YAML view of the document: CodeMirror mirroring the store, the validator's marks and list. */
export function YamlPane({ store, readOnly, checked }: { store: DocumentStore; readOnly: boolean; checked: { text: string; issues: ConfigIssue[] } | null }) {
  const { host } = useCodeMirror({ store, readOnly, checked });
  return (
    <div className="ve-yaml">
      <div ref={host} className="cm-host" />
      <IssueList issues={checked?.issues ?? []} />
    </div>
  );
}
