import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BackendRow, FrontendInfo } from '../../../../../shared/model';
import { useBridge } from '../../../lib/bridge-context';
import { siteKeys } from '../../../lib/query-keys';
import { actionImpact, describeAction, type ActionTarget, type Verb } from '../utils/action-impact';

const isWeight = (w: number) => Number.isInteger(w) && w >= 0 && w <= 100;

export type { ActionTarget } from '../utils/action-impact';

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
  // Read at render time from the cache: the dialog describes the site as it is when it is open.
  const impact = pending
    ? actionImpact(
        pending,
        backend.name,
        qc.getQueryData<FrontendInfo[]>(siteKeys.frontends(site)) ?? [],
        qc.getQueryData<BackendRow[]>(siteKeys.backends(site)) ?? [backend],
        pending === 'weight' ? { frontend: target.frontend, pool: target.pool, to: weight } : undefined,
      )
    : null;
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
            {pending === 'weight' && (
              <label>
                Weight (0–100){' '}
                <input type="number" min={0} max={100} step={1} value={Number.isNaN(weight) ? '' : weight} onChange={(e) => setWeight(e.target.value === '' ? NaN : Number(e.target.value))} aria-invalid={!isWeight(weight)} />
              </label>
            )}
            <p>{describeAction(pending, target, impact!, weight)}</p>
            {impact!.warnings.map((w) => (
              <p key={w} className="warning">
                ⚠ {w}
              </p>
            ))}
            <div className="dialog-buttons">
              <button type="button" onClick={close}>
                Cancel
              </button>
              <button type="submit" className="primary" disabled={pending === 'weight' && !isWeight(weight)}>
                Confirm {pending}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </div>
  );
}
