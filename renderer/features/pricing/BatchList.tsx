import type { PriceBatch } from '../../../shared/contract/index.ts';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { t } from '../../lib/strings.ts';
import { pricingStrings } from '../../lib/strings-pricing.ts';

const b = pricingStrings.batches;

function status(batch: PriceBatch): string {
  if (batch.mode === 'deshacer') return b.reverts;
  return batch.undoneBy ? b.undone : b.applied;
}

/** The recent batches, newest first; «Deshacer» only on the one the core would revert. */
export function BatchList({
  batches,
  canUndo,
  busy,
  onUndo,
}: {
  batches: readonly PriceBatch[];
  canUndo: boolean;
  busy: boolean;
  onUndo(batch: PriceBatch): void;
}) {
  return (
    <section className="stack" aria-labelledby="batches-title">
      <h2 id="batches-title">{b.title}</h2>
      <div className="card table-wrap">
        <table className="table compact" data-testid="batch-list">
          <thead>
            <tr>
              <th scope="col">{b.col.date}</th>
              <th scope="col">{b.col.user}</th>
              <th scope="col">{b.col.description}</th>
              <th scope="col" className="num">
                {b.col.count}
              </th>
              <th scope="col">{b.col.status}</th>
              {canUndo && <th scope="col" />}
            </tr>
          </thead>
          <tbody>
            {batches.map((batch) => (
              <tr
                key={batch.id}
                data-testid="batch-row"
                data-batch-id={batch.id}
                data-mode={batch.mode}
              >
                <td className="nowrap">{formatDateTime(batch.createdAt)}</td>
                <td>{batch.userName ?? t.none}</td>
                <td className="strong">{batch.description}</td>
                <td className="num">{formatInteger(batch.count)}</td>
                <td data-testid="batch-status">
                  <span
                    className={batch.undoneBy || batch.mode === 'deshacer' ? 'badge' : 'badge ok'}
                  >
                    {status(batch)}
                  </span>
                </td>
                {canUndo && (
                  <td>
                    {batch.undoable && (
                      <button
                        type="button"
                        className="btn small danger"
                        disabled={busy}
                        onClick={() => onUndo(batch)}
                        data-testid="batch-undo"
                      >
                        {pricingStrings.mass.undo}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {batches.length === 0 && (
          <p className="muted pad" data-testid="batch-none">
            {b.none}
          </p>
        )}
      </div>
    </section>
  );
}
