import type { Invoice, LayoutId } from '../types.ts';
import { afipClasico } from './afip-clasico.ts';
import { compacto } from './compacto.ts';
import { ferreteria } from './ferreteria.ts';
import { planilla } from './planilla.ts';
import { distribuidoraModerna } from './distribuidora-moderna.ts';
import { mayorista } from './mayorista.ts';
import { monotributoSimple } from './monotributo-simple.ts';

/** One HTML document per invoice; `qr` is the AFIP QR as a PNG data URL when it carries one. */
export type LayoutRenderer = (inv: Invoice, qr?: string) => string;

export const LAYOUT_RENDERERS: Record<LayoutId, LayoutRenderer> = {
  'afip-clasico': afipClasico,
  'distribuidora-moderna': distribuidoraModerna,
  compacto,
  mayorista,
  'monotributo-simple': monotributoSimple,
  ferreteria,
  planilla,
};
