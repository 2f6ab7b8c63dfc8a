import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BackendRow } from '../../../../../shared/model';
import { useBridge } from '../../../lib/bridge-context';
import { siteKeys } from '../../../lib/query-keys';

type Verb = 'pause' | 'resume' | 'enable' | 'disable' | 'weight';

export interface ActionTarget {
  site: string;
  siteName: string;
  backend: BackendRow;
  frontend: string;
  pool: string;
  weight: number;
}

/** Says exactly what an action will do, for the confirm dialog. */
export function describeAction(verb: Verb, t: ActionTarget, weight?: number): string {
  const b = `${t.backend.name} (${t.backend.address}) in site ${t.siteName}`;
  switch (verb) {
    case 'pause':
      return `Pause ${b}: probing stops, the state becomes paused and its effective weight drops to 0 in every pool until resumed.`;
    case 'resume':
      return `Resume ${b}: probing restarts, the state becomes unknown and it takes traffic again after its next passing probe.`;
    case 'disable':
      return `Disable ${b}: probing stops, the state becomes disabled and its effective weight is 0 with a flush of its connections.`;
    case 'enable':
      return `Enable ${b}: probing restarts from unknown; it takes traffic after its next passing probe.`;
    case 'weight':
      return `Set the weight of ${t.backend.name} in ${t.frontend} / pool ${t.pool} from ${t.weight} to ${weight} (run time only: the next reload restores the file's weight).`;
  }
}

/** The action buttons of one pool member, each behind a confirm that states what happens. */
export function BackendActions({ target }: { target: ActionTarget }) {
  const bridge = useBridge();
  const qc = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState<Verb | null>(null);
  const [weight, setWeight] = useState(target.weight);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const { site, backend } = target;
  const mutation = useMutation({
    mutationFn: async (verb: Verb) => {
      if (verb === 'weight') {
        return bridge.invoke('backends:set-weight', { site, frontend: target.frontend, pool: target.pool, backend: backend.name, weight });
      }
      return bridge.invoke(`backends:${verb}`, { site, backend: backend.name });
    },
    onSuccess: (_v, verb) => {
      setResult({ ok: true, text: verb === 'weight' ? `weight set to ${weight}` : `${verb}d` });
      void qc.invalidateQueries({ queryKey: siteKeys.backends(site) });
      void qc.invalidateQueries({ queryKey: siteKeys.frontends(site) });
    },
    onError: (e) => setResult({ ok: false, text: e.message }),
  });
  const ask = (verb: Verb) => {
    setPending(verb);
    setResult(null);
    dialog.current?.showModal?.();
    if (dialog.current && !dialog.current.showModal) dialog.current.setAttribute('open', '');
  };
  const close = () => {
    dialog.current?.close?.();
    dialog.current?.removeAttribute('open');
  };
  const paused = backend.state === 'paused';
  const disabled = backend.state === 'disabled' || !backend.enabled;
  return (
    <div className="actions">
      {!disabled && (
        <button type="button" onClick={() => ask(paused ? 'resume' : 'pause')} aria-label={`${paused ? 'Resume' : 'Pause'} ${backend.name}`}>
          {paused ? 'Resume' : 'Pause'}
        </button>
      )}
      <button type="button" onClick={() => ask(disabled ? 'enable' : 'disable')} aria-label={`${disabled ? 'Enable' : 'Disable'} ${backend.name}`}>
        {disabled ? 'Enable' : 'Disable'}
      </button>
      <button type="button" onClick={() => ask('weight')} aria-label={`Set weight of ${backend.name} in ${target.pool}`}>
        Weight
      </button>
      {result && (
        <span className={result.ok ? 'result-ok' : 'result-error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </span>
      )}
      <dialog ref={dialog} aria-label={`Confirm ${pending ?? ''} ${backend.name}`}>
        {pending && (
          <form
            method="dialog"
            onSubmit={(e) => {
              e.preventDefault();
              close();
              mutation.mutate(pending);
            }}
          >
            <p>{describeAction(pending, target, weight)}</p>
            {pending === 'weight' && (
              <label>
                Weight (0–100){' '}
                <input type="number" min={0} max={100} value={weight} onChange={(e) => setWeight(Number(e.target.value))} />
              </label>
            )}
            <div className="dialog-buttons">
              <button type="button" onClick={close}>
                Cancel
              </button>
              <button type="submit" className="primary">
                Confirm {pending}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </div>
  );
}
