import { memo, useEffect, useRef, useState, type DragEvent } from 'react';
import type { ConfigEdit } from '../../../../../shared/model';
import { familyProblem, type FrontendModel } from '../utils/config-model';
import { readDrag, startDrag } from '../utils/drag';
import { EntityIssues } from './entity-issues';
import { AddMember } from './add-member';
import { MemberRow } from './member-row';
import { takeRefocus, useVisual, type DragItem } from './visual-context';

/** The edit a drop makes, or why it is refused. `index` is where the item lands (before that member). */
function dropEdit(item: DragItem, fe: FrontendModel, poolIndex: number, index: number | undefined, problem: (b: string) => string | null): ConfigEdit | string | null {
  const pool = fe.pools[poolIndex]!;
  if (item.kind === 'pool') {
    if (item.frontend !== fe.name) return `pool ${item.pool} belongs to ${item.frontend}; pools are reordered within their frontend`;
    return item.pool === pool.name ? null : { op: 'move-pool', frontend: fe.name, pool: item.pool, index: poolIndex };
  }
  const b = item.backend;
  if (item.kind === 'member' && item.frontend === fe.name) {
    const from = fe.pools.find((p) => p.name === item.pool);
    const src = from?.members.findIndex((m) => m.backend === b) ?? -1;
    if (item.pool === pool.name) {
      if (index === undefined || index === src || index === src + 1) return null;
      return { op: 'move-member', frontend: fe.name, from: pool.name, to: pool.name, backend: b, index: src < index ? index - 1 : index };
    }
    if (pool.members.some((m) => m.backend === b)) return `${b} is already in pool ${pool.name}`;
    return { op: 'move-member', frontend: fe.name, from: item.pool, to: pool.name, backend: b, ...(index === undefined ? {} : { index }) };
  }
  if (pool.members.some((m) => m.backend === b)) return `${b} is already in pool ${pool.name}`;
  const why = problem(b);
  if (why) return `Not added to ${fe.name} / ${pool.name}: ${why}`;
  return { op: 'add-member', frontend: fe.name, pool: pool.name, backend: b, ...(index === undefined ? {} : { index }) };
}

/** One pool of a frontend: its place in the failover order, its members, drop target for backends and pools. */
export const PoolCard = memo(function PoolCard({ fe, index }: { fe: FrontendModel; index: number }) {
  const { edit, readOnly, model, drag, refuse, refocus } = useVisual();
  const head = useRef<HTMLElement>(null);
  useEffect(() => takeRefocus(refocus, head.current), [refocus]);
  const [over, setOver] = useState<'ok' | 'refused' | null>(null);
  const pool = fe.pools[index]!;
  const at = ['maglev', 'frontends', fe.name, 'pools', index];
  const problem = (b: string) => familyProblem(model, fe, b);
  const drop = (e: DragEvent, at?: number) => {
    e.preventDefault();
    e.stopPropagation();
    setOver(null);
    const item = readDrag(e.dataTransfer, drag);
    drag.current = null;
    if (!item || readOnly) return;
    const r = dropEdit(item, fe, index, at, problem);
    if (typeof r === 'string') refuse(r);
    else if (r) void edit([r]);
  };
  const move = (to: number, dir: 'up' | 'down') => {
    // Keep the focus on the arrow just used, unless the pool lands at the end where it is disabled.
    const next = to === 0 ? 'down' : to === fe.pools.length - 1 ? 'up' : dir;
    refocus.current = `pool-${next}:${fe.name}/${pool.name}`;
    void edit([{ op: 'move-pool', frontend: fe.name, pool: pool.name, index: to }]).then((ok) => ok || (refocus.current = null));
  };
  return (
    <section
      className="ve-pool"
      aria-label={`Pool ${pool.name} of ${fe.name}`}
      data-drop={over ?? undefined}
      onDragOver={(e) => {
        const item = drag.current;
        if (readOnly || !item) return;
        e.preventDefault();
        const r = dropEdit(item, fe, index, undefined, problem);
        setOver(typeof r === 'string' ? 'refused' : 'ok');
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(null);
      }}
      onDrop={(e) => drop(e)}
    >
      <header className="ve-pool-head" ref={head}>
        {!readOnly && (
          <span
            className="ve-grip"
            draggable
            title="Drag to change the failover order"
            aria-hidden="true"
            onDragStart={(e) => startDrag(e.dataTransfer, drag, { kind: 'pool', frontend: fe.name, pool: pool.name }, pool.name)}
            onDragEnd={() => (drag.current = null)}
          >
            ⠿
          </span>
        )}
        <span className="ve-rank" title="Failover order: the first pool with an up backend serves">
          {index + 1}
        </span>
        <strong>{pool.name || '(no name)'}</strong>
        <span className="muted">{index === 0 ? 'first choice' : `failover ${index}`}</span>
        <span className="spacer" />
        {!readOnly && (
          <>
            <button type="button" className="ve-icon" disabled={index === 0} onClick={() => move(index - 1, 'up')} aria-label={`Move pool ${pool.name} up`} data-refocus={`pool-up:${fe.name}/${pool.name}`}>
              ↑
            </button>
            <button type="button" className="ve-icon" disabled={index === fe.pools.length - 1} onClick={() => move(index + 1, 'down')} aria-label={`Move pool ${pool.name} down`} data-refocus={`pool-down:${fe.name}/${pool.name}`}>
              ↓
            </button>
            <button type="button" onClick={() => void edit([{ op: 'remove-pool', frontend: fe.name, pool: pool.name }])} aria-label={`Remove pool ${pool.name}`}>
              Remove pool
            </button>
          </>
        )}
      </header>
      <EntityIssues path={at} />
      <EntityIssues path={[...at, 'name']} />
      <EntityIssues path={[...at, 'backends']} />
      <ul className="ve-members">
        {pool.members.map((m) => (
          <MemberRow key={m.backend} fe={fe} poolIndex={index} member={m} onDropAt={drop} />
        ))}
        {pool.members.length === 0 && <li className="muted ve-empty">{readOnly ? 'no backends' : 'Drop a backend here, or add one below'}</li>}
      </ul>
      {!readOnly && <AddMember fe={fe} index={index} />}
    </section>
  );
});
