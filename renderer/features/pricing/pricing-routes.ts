import { routeHash } from '../../lib/route.ts';

/** Sub-routes of Precios: `#/precios/<tab>` and `#/precios/producto/<id>` (price history). */

export const PRICING_TABS = [
  'sugerencias',
  'masiva',
  'etiquetas',
  'inflacion',
  'politicas',
] as const;
export type PricingTab = (typeof PRICING_TABS)[number];

export function pricingTab(path: readonly string[]): PricingTab {
  const [first] = path;
  return (PRICING_TABS as readonly string[]).includes(first ?? '')
    ? (first as PricingTab)
    : 'sugerencias';
}

/** The product whose price history a path shows, or null. */
export function historyProduct(path: readonly string[]): string | null {
  const [first, second] = path;
  return first === 'producto' && second ? second : null;
}

export function pricingHash(tab: PricingTab): string {
  return routeHash('precios', tab);
}

export function priceHistoryHash(productId: string): string {
  return routeHash('precios', 'producto', productId);
}
