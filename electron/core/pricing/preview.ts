import type { Database } from 'better-sqlite3';
import type {
  IvaRateBp,
  ParsedInputOf,
  PriceChangeRow,
  PricePreview,
  Unit,
} from '../../../shared/contract/index.ts';
import { marginPct, priceFloor, roundUp } from '../../../shared/domain/pricing.ts';
import { loadCategoryTree, withDescendants, type CategoryTree } from '../catalog/categories.ts';
import type { Ctx } from '../context.ts';
import { prep } from '../db/statements.ts';
import { invalid, notFound } from '../errors.ts';
import { policyResolver } from './policies.ts';
import { rowOfProduct, SUGGESTED } from './priced-table.ts';
import { matchingIds, pricedCatalog } from './suggest.ts';

/**
 * What a mass update would do to every selected product, without writing anything. The screen
 * shows it, lets the owner drop rows, and sends the rows back to `pricing.apply` with the old
 * price each one replaces.
 */

type Selected = {
  id: string;
  name: string;
  category_id: string | null;
  supplier_cuit: string | null;
  unit: Unit;
  iva_rate_bp: IvaRateBp;
  cost: number;
  price: number;
  active: number;
};

const COLUMNS = 'id, name, category_id, supplier_cuit, unit, iva_rate_bp, cost, price, active';

function explicit(db: Database, ids: readonly string[]): Selected[] {
  const stmt = prep<[string], Selected>(db, `SELECT ${COLUMNS} FROM products WHERE id = ?`);
  const rows: Selected[] = [];
  for (const id of new Set(ids)) {
    const row = stmt.get(id);
    if (!row) throw notFound('Uno de los productos elegidos');
    rows.push(row);
  }
  const inactive = rows.filter((r) => r.active !== 1).map((r) => r.name);
  if (inactive.length > 0) {
    const shown = inactive.slice(0, 5).join(', ');
    const more = inactive.length > 5 ? ` y ${inactive.length - 5} más` : '';
    throw invalid(
      `La selección incluye productos inactivos (${shown}${more}): un producto inactivo no se vende y no se le cambia el precio. Quitalos de la selección o activalos`,
    );
  }
  return rows;
}

function select(
  ctx: Ctx,
  tree: CategoryTree,
  s: ParsedInputOf<'pricing.preview'>['selection'],
): Selected[] {
  let rows: Selected[];
  if (s.productIds) {
    rows = explicit(ctx.db, s.productIds);
  } else {
    rows = prep<[], Selected>(ctx.db, `SELECT ${COLUMNS} FROM products WHERE active = 1`).all();
  }
  const categories = s.categoryId ? new Set(withDescendants(tree, s.categoryId)) : null;
  const words = matchingIds(ctx.db, s.query);
  const priced = s.suggestedOnly ? pricedCatalog(ctx).table : null;
  const suggested = (id: string): boolean => {
    const i = priced ? rowOfProduct(priced, id) : -1;
    return i >= 0 && ((priced?.flags[i] ?? 0) & SUGGESTED) !== 0;
  };
  return rows.filter(
    (r) =>
      (!categories || (r.category_id !== null && categories.has(r.category_id))) &&
      (!s.supplierCuit || r.supplier_cuit === s.supplierCuit) &&
      (!words || words.has(r.id)) &&
      (!s.withCost || r.cost > 0) &&
      (!priced || suggested(r.id)),
  );
}

const bp = (pct: number | null): number | null => (pct === null ? null : Math.round(pct * 100));

export function previewBatch(ctx: Ctx, input: ParsedInputOf<'pricing.preview'>): PricePreview {
  const tree = loadCategoryTree(ctx.db);
  const rows = select(ctx, tree, input.selection);
  if (rows.length === 0) {
    throw invalid(
      'La selección no tiene productos activos: probá con otra categoría, proveedor o búsqueda',
    );
  }
  const mode = input.mode;
  const priced = mode.kind === 'target' ? pricedCatalog(ctx).table : null;
  const policies = policyResolver(ctx.db, tree);
  const out: PriceChangeRow[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const policy = policies.forProduct(r);
    let newPrice: number;
    if (mode.kind === 'target') {
      // Only raises: a price already above its target is the owner's choice.
      const i = priced ? rowOfProduct(priced, r.id) : -1;
      const target = i >= 0 ? (priced?.target[i] ?? 0) : 0;
      newPrice = target > r.price ? target : r.price;
    } else {
      const raised = Math.ceil((r.price * (10_000 + mode.percentBp)) / 10_000);
      newPrice = roundUp(
        Math.max(raised, 0),
        mode.rounding === 'policy' ? policy.rounding : mode.rounding,
      );
    }
    if (newPrice === r.price || newPrice <= 0) {
      unchanged++;
      continue;
    }
    const floor = priceFloor(r.cost, policy.minMarginBp / 100, r.iva_rate_bp);
    out.push({
      productId: r.id,
      name: r.name,
      unit: r.unit,
      ivaRateBp: r.iva_rate_bp,
      cost: r.cost,
      oldPrice: r.price,
      newPrice,
      marginOldBp: bp(marginPct(r.price, r.cost, r.iva_rate_bp)),
      marginNewBp: bp(marginPct(newPrice, r.cost, r.iva_rate_bp)),
      underFloor: r.cost > 0 && newPrice < floor,
    });
  }
  out.sort((a, b) => a.name.localeCompare(b.name, 'es'));
  return { rows: out, unchanged };
}
