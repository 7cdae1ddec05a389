import type { Database } from 'better-sqlite3';
import type {
  EffectivePolicy,
  PolicyFields,
  PolicyList,
  PolicyRow,
  PolicyScope,
} from '../../../shared/contract/index.ts';
import { validatePolicy } from '../../../shared/domain/pricing.ts';
import type { EntitySnapshots } from '../audit/verify.ts';
import { loadCategoryTree, type CategoryTree } from '../catalog/categories.ts';
import type { Ctx } from '../context.ts';
import { prep } from '../db/statements.ts';
import { invalid, notFound } from '../errors.ts';

/**
 * Pricing policies by level. Each field resolves on its own, the most specific level first:
 * product → supplier (the product's main supplier) → category (nearest ancestor first) → store.
 * A null field inherits, so a category can set only its rounding and a supplier only its
 * restock horizon.
 */

type PolicyDbRow = {
  scope: PolicyScope;
  scope_id: string;
  markup_bp: number | null;
  min_margin_bp: number | null;
  rounding: PolicyFields['rounding'];
  horizon_days: number | null;
  updated_at: number;
};

export const STORE_DEFAULT_POLICY: EffectivePolicy = {
  markupBp: 4_000,
  minMarginBp: 1_500,
  rounding: 'up10',
  horizonDays: 15,
};

const FIELDS = ['markupBp', 'minMarginBp', 'rounding', 'horizonDays'] as const;

const fieldsOf = (r: PolicyDbRow): PolicyFields => ({
  markupBp: r.markup_bp,
  minMarginBp: r.min_margin_bp,
  rounding: r.rounding,
  horizonDays: r.horizon_days,
});

const policyId = (scope: PolicyScope, scopeId: string): string => `${scope}:${scopeId}`;

/** Fills the nulls of `specific` from `general`. */
function over(specific: PolicyFields | undefined, general: EffectivePolicy): EffectivePolicy {
  if (!specific) return general;
  return {
    markupBp: specific.markupBp ?? general.markupBp,
    minMarginBp: specific.minMarginBp ?? general.minMarginBp,
    rounding: specific.rounding ?? general.rounding,
    horizonDays: specific.horizonDays ?? general.horizonDays,
  };
}

export type PolicyResolver = {
  store: EffectivePolicy;
  forProduct(p: {
    id: string;
    category_id: string | null;
    supplier_cuit: string | null;
  }): EffectivePolicy;
  forCategory(categoryId: string | null): EffectivePolicy;
  forSupplier(cuit: string): EffectivePolicy;
};

function loadRows(db: Database): PolicyDbRow[] {
  return prep<[], PolicyDbRow>(db, 'SELECT * FROM pricing_policies ORDER BY scope, scope_id').all();
}

export function policyResolver(
  db: Database,
  tree: CategoryTree = loadCategoryTree(db),
): PolicyResolver {
  // One map per level, keyed by the bare id: pricing 100,000 products looks up two per product.
  const byScope: Record<PolicyScope, Map<string, PolicyFields>> = {
    store: new Map(),
    category: new Map(),
    supplier: new Map(),
    product: new Map(),
  };
  let store = STORE_DEFAULT_POLICY;
  for (const r of loadRows(db)) {
    if (r.scope === 'store') store = over(fieldsOf(r), STORE_DEFAULT_POLICY);
    else byScope[r.scope].set(r.scope_id, fieldsOf(r));
  }
  const categoryCache = new Map<string | null, EffectivePolicy>();
  const forCategory = (id: string | null): EffectivePolicy => {
    const cached = categoryCache.get(id);
    if (cached) return cached;
    const row = id === null ? undefined : tree.byId.get(id);
    // The guard stops on a parent cycle written with SQL.
    const parent =
      row && row.parent_id !== null && categoryCache.size < 100_000
        ? forCategory(row.parent_id)
        : store;
    const result = row ? over(byScope.category.get(row.id), parent) : store;
    categoryCache.set(id, result);
    return result;
  };
  const forSupplier = (cuit: string): EffectivePolicy => over(byScope.supplier.get(cuit), store);
  return {
    store,
    forCategory,
    forSupplier,
    forProduct(p) {
      let policy = forCategory(p.category_id);
      if (p.supplier_cuit) policy = over(byScope.supplier.get(p.supplier_cuit), policy);
      return over(byScope.product.get(p.id), policy);
    },
  };
}

function scopeLabel(
  db: Database,
  tree: CategoryTree,
  scope: PolicyScope,
  id: string,
): string | null {
  switch (scope) {
    case 'store':
      return 'Todo el negocio';
    case 'category':
      return tree.paths.get(id) ?? null;
    case 'supplier':
      return (
        prep<[string], { name: string }>(db, 'SELECT name FROM suppliers WHERE cuit = ?').get(id)
          ?.name ?? `CUIT ${id}`
      );
    case 'product':
      return (
        prep<[string], { name: string }>(db, 'SELECT name FROM products WHERE id = ?').get(id)
          ?.name ?? null
      );
  }
}

export function listPolicies(db: Database): PolicyList {
  const tree = loadCategoryTree(db);
  const resolver = policyResolver(db, tree);
  const rows: PolicyRow[] = loadRows(db)
    .filter((r) => r.scope !== 'store')
    .map((r) => ({
      ...fieldsOf(r),
      scope: r.scope,
      scopeId: r.scope_id,
      label: scopeLabel(db, tree, r.scope, r.scope_id) ?? r.scope_id,
      updatedAt: r.updated_at,
    }));
  return { store: resolver.store, rows };
}

const pct = (bp: number): string => `${String(bp / 100).replace('.', ',')} %`;

/** The policy each saved level ends up with must keep markup ≥ minimum margin. */
function checkAll(db: Database, saved?: { scope: PolicyScope; scopeId: string }): void {
  const tree = loadCategoryTree(db);
  const resolver = policyResolver(db, tree);
  // The level just saved is named first: its own fields are the likeliest culprit.
  const isSaved = (r: PolicyDbRow): boolean =>
    r.scope === saved?.scope && r.scope_id === saved.scopeId;
  const rows = loadRows(db).sort((a, b) => Number(isSaved(b)) - Number(isSaved(a)));
  for (const r of rows) {
    let effective: EffectivePolicy;
    if (r.scope === 'store') effective = resolver.store;
    else if (r.scope === 'category') effective = resolver.forCategory(r.scope_id);
    else if (r.scope === 'supplier') effective = resolver.forSupplier(r.scope_id);
    else {
      const p = prep<
        [string],
        { id: string; category_id: string | null; supplier_cuit: string | null }
      >(db, 'SELECT id, category_id, supplier_cuit FROM products WHERE id = ?').get(r.scope_id);
      if (!p) continue;
      effective = resolver.forProduct(p);
    }
    try {
      validatePolicy({
        markupPct: effective.markupBp / 100,
        minMarginPct: effective.minMarginBp / 100,
      });
    } catch {
      const label = scopeLabel(db, tree, r.scope, r.scope_id) ?? r.scope_id;
      throw invalid(
        `${label}: el recargo (${pct(effective.markupBp)}) quedaría por debajo del margen mínimo (${pct(effective.minMarginBp)}). Nada se guardó`,
      );
    }
  }
}

function requireScope(db: Database, scope: PolicyScope, id: string): void {
  const exists = (sql: string): boolean => prep<[string], unknown>(db, sql).get(id) !== undefined;
  if (scope === 'store') {
    if (id !== '') throw invalid('La política general no lleva identificador');
    return;
  }
  if (scope === 'category' && !exists('SELECT 1 FROM categories WHERE id = ?')) {
    throw notFound('La categoría');
  }
  if (scope === 'supplier' && !exists('SELECT 1 FROM suppliers WHERE cuit = ?')) {
    throw notFound('El proveedor');
  }
  if (scope === 'product' && !exists('SELECT 1 FROM products WHERE id = ?')) {
    throw notFound('El producto');
  }
}

function snapshot(r: PolicyDbRow): PolicyFields {
  return fieldsOf(r);
}

function getRow(db: Database, scope: PolicyScope, id: string): PolicyDbRow | undefined {
  return prep<[string, string], PolicyDbRow>(
    db,
    'SELECT * FROM pricing_policies WHERE scope = ? AND scope_id = ?',
  ).get(scope, id);
}

export function savePolicy(
  ctx: Ctx,
  input: PolicyFields & { scope: PolicyScope; scopeId: string },
): PolicyList {
  const { scope, scopeId } = input;
  if (scope === 'store' && FIELDS.some((f) => input[f] === null)) {
    throw invalid('La política general necesita recargo, margen mínimo, redondeo y plazo');
  }
  if (scope !== 'store' && FIELDS.every((f) => input[f] === null)) {
    throw invalid('La política no cambia nada: indicá al menos un valor o quitala');
  }
  ctx.tx(() => {
    requireScope(ctx.db, scope, scopeId);
    const prev = getRow(ctx.db, scope, scopeId);
    const row: PolicyDbRow = {
      scope,
      scope_id: scopeId,
      markup_bp: input.markupBp,
      min_margin_bp: input.minMarginBp,
      rounding: input.rounding,
      horizon_days: input.horizonDays,
      updated_at: ctx.now(),
    };
    prep(
      ctx.db,
      `INSERT INTO pricing_policies (scope, scope_id, markup_bp, min_margin_bp, rounding, horizon_days, updated_at)
       VALUES (@scope, @scope_id, @markup_bp, @min_margin_bp, @rounding, @horizon_days, @updated_at)
       ON CONFLICT (scope, scope_id) DO UPDATE SET markup_bp = excluded.markup_bp,
         min_margin_bp = excluded.min_margin_bp, rounding = excluded.rounding,
         horizon_days = excluded.horizon_days, updated_at = excluded.updated_at`,
    ).run(row);
    checkAll(ctx.db, { scope, scopeId });
    ctx.audit.append(ctx.actor, {
      action: prev ? 'pricing.policy_update' : 'pricing.policy_add',
      entity: 'pricing_policy',
      entityId: policyId(scope, scopeId),
      before: prev ? snapshot(prev) : null,
      after: snapshot(row),
    });
  });
  return listPolicies(ctx.db);
}

export function deletePolicy(ctx: Ctx, scope: PolicyScope, scopeId: string): PolicyList {
  ctx.tx(() => {
    const prev = getRow(ctx.db, scope, scopeId);
    if (!prev) throw notFound('La política');
    prep(ctx.db, 'DELETE FROM pricing_policies WHERE scope = ? AND scope_id = ?').run(
      scope,
      scopeId,
    );
    checkAll(ctx.db);
    ctx.audit.append(ctx.actor, {
      action: 'pricing.policy_delete',
      entity: 'pricing_policy',
      entityId: policyId(scope, scopeId),
      before: snapshot(prev),
    });
  });
  return listPolicies(ctx.db);
}

export const policyEntity: EntitySnapshots = {
  entity: 'pricing_policy',
  label: 'La política de precios',
  snapshotAll(db) {
    return new Map(loadRows(db).map((r) => [policyId(r.scope, r.scope_id), snapshot(r)]));
  },
};
