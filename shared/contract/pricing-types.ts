import type { IvaRateBp, Unit } from './types.ts';

/**
 * The pricing desk's shapes. Money in integer centavos; percentages in basis points (hundredths of
 * a percent: 2,7 % = 270); instants in epoch ms. Costs are NET of IVA, prices INCLUDE it.
 */

export const ROUNDING_RULE_IDS = ['none', 'up10', 'up50', 'up100', 'ends9', 'ends99'] as const;
export type RoundingRuleId = (typeof ROUNDING_RULE_IDS)[number];

export const POLICY_SCOPES = ['store', 'category', 'supplier', 'product'] as const;
export type PolicyScope = (typeof POLICY_SCOPES)[number];

export type CpiMonth = {
  /** 'YYYY-MM'. */
  month: string;
  rateBp: number;
  source: 'indec' | 'manual' | 'csv';
  updatedAt: number;
};

export type PricingSettings = {
  /** Monthly inflation assumed for months not yet published and for the restock projection. */
  expectedBp: number;
  /** A product is suggested when its price is under the target by more than this. */
  thresholdBp: number;
};

export type CpiSeries = PricingSettings & {
  months: CpiMonth[];
  /** The month after the last published one: what `pricing.cpiSave` may add next. */
  nextMonth: string;
};

/** One level of policy; null fields inherit from the level above. */
export type PolicyFields = {
  markupBp: number | null;
  minMarginBp: number | null;
  rounding: RoundingRuleId | null;
  horizonDays: number | null;
};

export type PolicyRow = PolicyFields & {
  scope: PolicyScope;
  /** Category id, supplier CUIT or product id; '' for the store. */
  scopeId: string;
  /** What the scope is called on screen (category path, supplier or product name). */
  label: string;
  updatedAt: number;
};

/** Every field resolved: product → supplier → category (nearest ancestor first) → store. */
export type EffectivePolicy = {
  markupBp: number;
  minMarginBp: number;
  rounding: RoundingRuleId;
  horizonDays: number;
};

export type PolicyList = { store: EffectivePolicy; rows: PolicyRow[] };

export type PriceSuggestion = {
  productId: string;
  name: string;
  brand: string | null;
  barcode: string | null;
  categoryId: string | null;
  categoryPath: string | null;
  supplierCuit: string | null;
  unit: Unit;
  ivaRateBp: IvaRateBp;
  /** Last cost, net of IVA, and when it was recorded. */
  cost: number;
  costDate: number;
  costAgeDays: number;
  price: number;
  /** Inflation accumulated since the cost's date, bp (1250 = 12,5 %). */
  inflationBp: number;
  /** Net of IVA. */
  replacement: number;
  /** Net of IVA, carried to the next restock. */
  projected: number;
  /** Shelf price the policy asks for, IVA included, rounded. */
  target: number;
  /** Margin over the recorded cost at today's price and at the target, bp (null: no cost). */
  marginNowBp: number | null;
  marginAfterBp: number | null;
  /** How far the price is under the target, bp of the price. */
  gapBp: number;
  /** Today's price (net of IVA) does not even pay for the replacement. */
  belowReplacement: boolean;
  /** Today's price (net of IVA) is under the recorded cost. */
  belowCost: boolean;
  policy: EffectivePolicy;
};

export const SUGGESTION_SORTS = ['urgencia', 'brecha', 'nombre', 'antiguedad', 'margen'] as const;
export type SuggestionSort = (typeof SUGGESTION_SORTS)[number];

export type SuggestionPage = {
  rows: PriceSuggestion[];
  total: number;
  /** How many of them sell under replacement cost. */
  belowReplacement: number;
  computedAt: number;
};

/** Which products a mass update touches. */
export type PriceSelection = {
  productIds?: string[] | undefined;
  categoryId?: string | undefined;
  supplierCuit?: string | undefined;
  query?: string | undefined;
  /** Only products in the suggestion list (under target by more than the threshold). */
  suggestedOnly?: boolean | undefined;
  /** Only products with a recorded cost: the suggestion list with every product shown. */
  withCost?: boolean | undefined;
};

export type PriceChangeMode =
  { kind: 'target' } | { kind: 'percent'; percentBp: number; rounding: RoundingRuleId | 'policy' };

export type PriceChangeRow = {
  productId: string;
  name: string;
  unit: Unit;
  ivaRateBp: IvaRateBp;
  cost: number;
  oldPrice: number;
  newPrice: number;
  marginOldBp: number | null;
  marginNewBp: number | null;
  /** The new price is under the minimum margin of the product's policy. */
  underFloor: boolean;
};

export type PricePreview = {
  rows: PriceChangeRow[];
  /** Selected products whose price would not move (already at or above the new price). */
  unchanged: number;
};

export type PriceBatch = {
  id: string;
  createdAt: number;
  userName: string | null;
  mode: 'sugerido' | 'porcentaje' | 'manual' | 'deshacer';
  description: string;
  count: number;
  /** The batch this one reverted (for 'deshacer'). */
  undoes: string | null;
  /** The batch that reverted this one. */
  undoneBy: string | null;
  /** The one batch «Deshacer» accepts now: the newest applied one not yet reverted. */
  undoable: boolean;
};

export type PriceApplyResult = { batch: PriceBatch; changed: number };

export type PriceUndoResult = {
  batch: PriceBatch;
  restored: number;
  /** Products whose price was changed again after the batch: left as they are. */
  skipped: { productId: string; name: string }[];
};

export type PriceHistoryPoint = {
  /** Month end (or today for the last point), epoch ms. */
  at: number;
  price: number | null;
  /** Net of IVA. */
  cost: number | null;
  replacement: number | null;
  /** The first known price carried by the CPI: where the price would be had it followed it. */
  priceByCpi: number | null;
};

export type PriceHistoryEvent = {
  at: number;
  kind: 'precio' | 'costo';
  value: number;
  previous: number;
  source: string;
};

export type PriceHistory = {
  productId: string;
  name: string;
  ivaRateBp: IvaRateBp;
  points: PriceHistoryPoint[];
  events: PriceHistoryEvent[];
};

export { LABEL_FORMAT_IDS } from '../domain/labels.ts';
import type { LabelItem } from '../domain/labels.ts';

export type LabelsFile = {
  fileName: string;
  contentBase64: string;
  count: number;
  /** The first labels, for the screen to draw with the same layout as the PDF. */
  sample: LabelItem[];
  shopName: string | null;
};
export type { LabelFormat as LabelFormatId } from '../domain/labels.ts';
