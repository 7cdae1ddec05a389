import { create } from 'zustand';
import type { LabelFormatId } from '../../../shared/contract/index.ts';
import type { PendingSelection } from './selection.ts';

/**
 * What one pricing tab hands to the next: the suggestions ticked for the mass update, and the
 * batch just applied for the labels. Kept while the app is open, not across restarts.
 */
type PricingHandoff = {
  /** Ticked in «Sugerencias», waiting for «Actualización masiva». */
  pending: PendingSelection | null;
  /** The batch «Etiquetas» opens with (the one just applied), or null for the newest. */
  labelsBatchId: string | null;
  labelFormat: LabelFormatId;
  choose(pending: PendingSelection | null): void;
  printBatch(batchId: string | null): void;
  setLabelFormat(format: LabelFormatId): void;
};

export const usePricingHandoff = create<PricingHandoff>()((set) => ({
  pending: null,
  labelsBatchId: null,
  labelFormat: 'a4-3x8',
  choose: (pending) => set({ pending }),
  printBatch: (labelsBatchId) => set({ labelsBatchId }),
  setLabelFormat: (labelFormat) => set({ labelFormat }),
}));
