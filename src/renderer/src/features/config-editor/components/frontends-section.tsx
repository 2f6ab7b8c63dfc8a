import { memo } from 'react';
import { useCapped } from '../hooks/use-capped';
import type { FrontendModel } from '../utils/config-model';
import { FrontendCard } from './frontend-card';
import { ShowAll } from './show-all';
import { useVisual } from './visual-context';

/** The frontends (VIPs) in file order, one card each. */
export const FrontendsSection = memo(function FrontendsSection({ frontends }: { frontends: FrontendModel[] }) {
  const { model } = useVisual();
  const { shown, hidden, showAll } = useCapped(frontends, 20);
  return (
    <section className="ve-section" aria-label="Frontends">
      <header className="ve-section-head">
        <h3>Frontends</h3>
        <span className="muted">{model.frontends.length}</span>
      </header>
      {model.frontends.length === 0 && <p className="muted">No frontends: every backend is still probed.</p>}
      {shown.map((f) => (
        <FrontendCard key={f.name} fe={f} />
      ))}
      <ShowAll hidden={hidden} what="frontends" onClick={showAll} />
    </section>
  );
});
