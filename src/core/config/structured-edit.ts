import type { Document } from 'yaml';
import type { ConfigEdit } from '../../shared/model';
import type { EditResult } from './edit';
import { editConfigText } from './edit';
import * as d from './doc-edits';

/** Applies one structured edit to the document (the visual config editor's changes). */
function applyOne(doc: Document, e: ConfigEdit): void {
  switch (e.op) {
    case 'set':
      return doc.setIn(e.path, e.value);
    case 'delete':
      return d.deleteAt(doc, e.path);
    case 'rename-backend':
      return d.renameBackendIn(doc, e.from, e.to);
    case 'rename-healthcheck':
      return d.renameHealthCheckIn(doc, e.from, e.to);
    case 'rename-frontend':
      return d.renameIn(doc, ['maglev', 'frontends', e.from], e.to);
    case 'add-backend':
      return d.addBackendIn(doc, e.name, e);
    case 'remove-backend':
      return d.removeBackendIn(doc, e.name);
    case 'add-healthcheck':
      return d.addHealthCheckIn(doc, e.name, e.fields);
    case 'remove-healthcheck':
      return d.deleteAt(doc, ['maglev', 'healthchecks', e.name]);
    case 'set-weight':
      return d.setWeightIn(doc, e.frontend, e.pool, e.backend, e.weight);
    case 'add-member':
      return d.addMemberIn(doc, e.frontend, e.pool, e.backend, e.weight, e.index);
    case 'remove-member':
      return d.removeMemberIn(doc, e.frontend, e.pool, e.backend);
    case 'move-member':
      return d.moveMemberIn(doc, e.frontend, e.from, e.to, e.backend, e.index);
    case 'move-pool':
      return d.movePoolIn(doc, e.frontend, e.pool, e.index);
    case 'add-pool':
      return d.addPoolIn(doc, e.frontend, e.pool);
    case 'remove-pool':
      return d.removePoolIn(doc, e.frontend, e.pool);
    case 'duplicate-frontend':
      return d.duplicateFrontendIn(doc, e.frontend, e.as);
    case 'remove-frontend':
      return d.deleteAt(doc, ['maglev', 'frontends', e.frontend]);
  }
}

/**
 * Applies structured edits to config text, all or none, keeping comments, key order and formatting
 * outside the edited nodes. A refused edit names its position in the list when there are several.
 */
export function applyConfigEdits(text: string, edits: readonly ConfigEdit[]): EditResult {
  return editConfigText(text, (doc) => {
    edits.forEach((e, i) => {
      try {
        applyOne(doc, e);
      } catch (x) {
        if (x instanceof d.EditError && edits.length > 1)
          throw new d.EditError(x.code, `edit ${i + 1} (${e.op}): ${x.message}`);
        throw x;
      }
    });
  });
}
