import type { Product, ProductInput, Unit } from '../../../shared/contract/index.ts';
import { formatMoneyPlain, parseMoney, parseQuantity } from '../../../shared/domain/money.ts';
import { quantityPlain } from '../../lib/format.ts';

export const IVA_OPTIONS = [0, 250, 500, 1050, 2100, 2700] as const;
export type IvaOption = (typeof IVA_OPTIONS)[number];

/** What the form edits: everything as the user typed it. */
export type ProductForm = {
  name: string;
  brand: string;
  sku: string;
  plu: string;
  barcodes: string[];
  categoryId: string;
  unit: Unit;
  ivaRateBp: IvaOption;
  cost: string;
  price: string;
  minStock: string;
  maxStock: string;
  supplierCuit: string;
  active: boolean;
};

export type FormField = keyof ProductForm;
export type FormErrors = Partial<Record<FormField, string>>;

export const EMPTY_FORM: ProductForm = {
  name: '',
  brand: '',
  sku: '',
  plu: '',
  barcodes: [],
  categoryId: '',
  unit: 'u',
  ivaRateBp: 2100,
  cost: '',
  price: '',
  minStock: '',
  maxStock: '',
  supplierCuit: '',
  active: true,
};

function isIvaOption(bp: number): bp is IvaOption {
  return (IVA_OPTIONS as readonly number[]).includes(bp);
}

export function productToForm(p: Product): ProductForm {
  return {
    name: p.name,
    brand: p.brand ?? '',
    sku: p.sku ?? '',
    plu: p.plu === null ? '' : String(p.plu),
    barcodes: [...p.barcodes],
    categoryId: p.categoryId ?? '',
    unit: p.unit,
    ivaRateBp: isIvaOption(p.ivaRateBp) ? p.ivaRateBp : 2100,
    cost: formatMoneyPlain(p.cost),
    price: formatMoneyPlain(p.price),
    minStock: p.minStock === 0 ? '' : quantityPlain(p.minStock, p.unit),
    maxStock: p.maxStock === null ? '' : quantityPlain(p.maxStock, p.unit),
    supplierCuit: p.supplierCuit ?? '',
    active: p.active,
  };
}

function money(
  text: string,
  errors: FormErrors,
  field: FormField,
  fallback: number | null,
): number {
  if (text.trim() === '') {
    if (fallback === null) errors[field] = 'Completá el precio';
    return fallback ?? 0;
  }
  try {
    const value = parseMoney(text);
    if (value < 0) errors[field] = 'El importe no puede ser negativo';
    return value;
  } catch (e) {
    errors[field] = e instanceof Error ? e.message : String(e);
    return 0;
  }
}

function quantity(text: string, unit: Unit, errors: FormErrors, field: FormField): number | null {
  if (text.trim() === '') return null;
  try {
    const value = parseQuantity(text, unit);
    if (value < 0) errors[field] = 'La cantidad no puede ser negativa';
    return value;
  } catch (e) {
    errors[field] = e instanceof Error ? e.message : String(e);
    return null;
  }
}

/**
 * Turns the typed form into the contract's input: pesos → centavos, units → thousandths.
 * Checks only what needs parsing here; the server validates the rest and answers in Spanish.
 */
export function formToInput(
  form: ProductForm,
): { ok: true; input: ProductInput } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const price = money(form.price, errors, 'price', null);
  const cost = money(form.cost, errors, 'cost', 0);
  const minStock = quantity(form.minStock, form.unit, errors, 'minStock') ?? 0;
  const maxStock = quantity(form.maxStock, form.unit, errors, 'maxStock');
  if (maxStock !== null && !errors.minStock && !errors.maxStock && maxStock < minStock) {
    errors.maxStock = 'El stock máximo no puede ser menor que el mínimo';
  }
  let plu: number | null = null;
  if (form.plu.trim() !== '') {
    if (/^\d{1,6}$/.test(form.plu.trim()) && Number(form.plu) > 0) plu = Number(form.plu);
    else errors.plu = 'El PLU debe ser un número de 1 a 6 cifras';
  }
  if (form.name.trim() === '') errors.name = 'El nombre no puede estar vacío';
  const barcodes = [...new Set(form.barcodes.map((b) => b.trim()).filter((b) => b !== ''))];
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      name: form.name.trim(),
      brand: form.brand.trim() || null,
      sku: form.sku.trim() || null,
      plu,
      categoryId: form.categoryId || null,
      unit: form.unit,
      ivaRateBp: form.ivaRateBp,
      cost,
      price,
      minStock,
      maxStock,
      supplierCuit: form.supplierCuit.trim() || null,
      active: form.active,
      barcodes,
    },
  };
}

/** Field errors from an INVALID_INPUT answer, when the server sends zod-like issues. */
export function fieldErrorsFromDetails(details: unknown): FormErrors {
  const errors: FormErrors = {};
  const issues = Array.isArray(details)
    ? details
    : typeof details === 'object' && details !== null && 'issues' in details
      ? (details as { issues: unknown }).issues
      : null;
  if (!Array.isArray(issues)) return errors;
  for (const issue of issues) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    const parts = Array.isArray(path)
      ? path.map(String)
      : typeof path === 'string'
        ? path.split('.')
        : [];
    // Updates nest the product under `changes`.
    const field = (parts[0] === 'changes' ? parts[1] : parts[0]) as FormField | undefined;
    if (field && field in EMPTY_FORM && typeof message === 'string') errors[field] ??= message;
  }
  return errors;
}
