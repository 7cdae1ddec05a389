import type { PricingTab } from './pricing-routes.ts';

export const PRICING_TAB_NAMES: Readonly<Record<PricingTab, string>> = {
  sugerencias: 'Sugerencias',
  masiva: 'Actualización masiva',
  etiquetas: 'Etiquetas',
  inflacion: 'Inflación (IPC)',
  politicas: 'Márgenes y redondeo',
};
