import { useEffect, useId, useRef, type DragEvent } from 'react';
import { familyProblem, type FrontendModel, type MemberModel } from '../utils/config-model';
import { startDrag } from '../utils/drag';
import { driftKey } from '../utils/runtime-drift';
import { pathKey } from '../utils/yaml-path';
import { DriftMarker } from './drift-marker';
import { takeRefocus, useVisual } from './visual-context';
import { WeightControl } from './weight-control';

/**
 * One backend in a pool: drag handle, weight, runtime-vs-file marker, "Move to pool…" (the keyboard
 * alternative to dragging) and remove. An address family that does not fit the frontend is flagged here
 * at once, before the validator answers.
 */
export function MemberRow({ fe, poolIndex, member, onDropAt }: { fe: FrontendModel; poolIndex: number; member: MemberModel; onDropAt: (e: DragEvent, index: number) => void }) {
  const { edit, readOnly, model, drag, drifts, issues, refocus } = useVisual();
  const row = useRef<HTMLLIElement>(null);
  useEffect(() => takeRefocus(refocus, row.current), [refocus]);
  const msgId = useId();
  const pool = fe.pools[poolIndex]!;
  const b = member.backend;
  const at = ['maglev', 'frontends', fe.name, 'pools', poolIndex, 'backends', b];
  const validator = issues.get(pathKey(at)) ?? [];
  const messages = validator.length ? validator.map((i) => i.message) : [familyProblem(model, fe, b)].filter((m): m is string => m !== null);
  const drift = drifts.get(driftKey(fe.name, pool.name, b));
  const index = pool.members.indexOf(member);
  const address = model.backendByName.get(b)?.address;
  return (
    <li
      ref={row}
      className="ve-member"
      role="group"
      aria-label={`Member ${b} of pool ${pool.name}`}
      aria-invalid={messages.length ? true : undefined}
      aria-describedby={messages.length ? msgId : undefined}
      draggable={!readOnly}
      onDragStart={(e) => {
        e.stopPropagation();
        startDrag(e.dataTransfer, drag, { kind: 'member', frontend: fe.name, pool: pool.name, backend: b }, b);
      }}
      onDragEnd={() => (drag.current = null)}
      onDragOver={(e) => {
        if (!readOnly && drag.current?.kind !== 'pool') e.preventDefault();
      }}
      onDrop={(e) => onDropAt(e, index)}
    >
      <span className="ve-grip" aria-hidden="true" title={readOnly ? undefined : 'Drag to another pool or position'}>
        {readOnly ? '' : '⠿'}
      </span>
      <span className="ve-member-name">
        <strong>{b}</strong> <code className="muted">{address === undefined ? 'no such backend' : String(address)}</code>
      </span>
      {drift && <DriftMarker drift={drift} />}
      <WeightControl frontend={fe.name} pool={pool.name} backend={b} raw={member.rawWeight} path={[...at, 'weight']} />
      {!readOnly && fe.pools.length > 1 && (
        <select
          aria-label={`Move ${b} to pool`}
          data-refocus={`move:${fe.name}/${pool.name}/${b}`}
          value=""
          onChange={(e) => {
            const to = e.target.value;
            if (!to) return;
            refocus.current = `move:${fe.name}/${to}/${b}`;
            void edit([{ op: 'move-member', frontend: fe.name, from: pool.name, to, backend: b }]).then((ok) => ok || (refocus.current = null));
          }}
        >
          <option value="">Move to pool…</option>
          {fe.pools
            .filter((p) => p.name !== pool.name)
            .map((p) => (
              <option key={p.name} value={p.name} disabled={p.members.some((m) => m.backend === b)}>
                {p.name}
              </option>
            ))}
        </select>
      )}
      {!readOnly && (
        <button type="button" className="ve-icon" onClick={() => void edit([{ op: 'remove-member', frontend: fe.name, pool: pool.name, backend: b }])} aria-label={`Remove ${b} from pool ${pool.name}`}>
          ✕
        </button>
      )}
      {messages.length > 0 && (
        <small id={msgId} className="ve-msg ve-msg-error ve-member-msg">
          {messages.join(' · ')}
        </small>
      )}
    </li>
  );
}
