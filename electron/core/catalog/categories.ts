import type { Database } from 'better-sqlite3';
import type { Category } from '../../../shared/contract/index.ts';
import { foldText } from '../../../shared/domain/text.ts';
import type { Ctx } from '../context.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { categorySnapshot, type CategoryRow } from './snapshots.ts';
import { prep } from '../db/statements.ts';

export const PATH_SEPARATOR = ' › ';

/** The whole tree in memory: a shop has tens or hundreds of categories, never many thousands. */
export type CategoryTree = {
  byId: Map<string, CategoryRow>;
  paths: Map<string, string>;
  /** Folded "almacen›infusiones" → id, for matching imported paths. */
  byFoldedPath: Map<string, string>;
  foldedPaths: Map<string, string>;
  children: Map<string | null, string[]>;
};

const foldedKey = (segments: readonly string[]): string => segments.map(foldText).join('›');

export function loadCategoryTree(db: Database): CategoryTree {
  const rows = prep<[], CategoryRow>(db, 'SELECT * FROM categories').all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string | null, string[]>();
  for (const r of rows) {
    const list = children.get(r.parent_id);
    if (list) list.push(r.id);
    else children.set(r.parent_id, [r.id]);
  }
  const paths = new Map<string, string>();
  const byFoldedPath = new Map<string, string>();
  const foldedPaths = new Map<string, string>();
  for (const r of rows) {
    const names: string[] = [];
    // The guard stops on a parent cycle someone wrote with SQL instead of looping forever.
    for (let c: CategoryRow | undefined = r; c && names.length < 50;) {
      names.unshift(c.name);
      c = c.parent_id === null ? undefined : byId.get(c.parent_id);
    }
    paths.set(r.id, names.join(PATH_SEPARATOR));
    const key = foldedKey(names);
    byFoldedPath.set(key, r.id);
    foldedPaths.set(r.id, key);
  }
  return { byId, paths, byFoldedPath, foldedPaths, children };
}

export function listCategories(db: Database): Category[] {
  const tree = loadCategoryTree(db);
  const out: Category[] = [...tree.byId.values()].map((r) => ({
    id: r.id,
    name: r.name,
    parentId: r.parent_id,
    path: tree.paths.get(r.id) ?? r.name,
  }));
  return out.sort((a, b) => a.path.localeCompare(b.path, 'es'));
}

/** The category and all those under it. */
export function withDescendants(tree: CategoryTree, id: string): string[] {
  const out: string[] = [];
  const stack = [id];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    out.push(next);
    stack.push(...(tree.children.get(next) ?? []));
  }
  return out;
}

/** Splits "Almacén > Infusiones", "Almacén/Infusiones" or "Almacén › Infusiones" into names. */
export function splitCategoryPath(text: string): string[] {
  return text
    .split(/\s*[>/›]\s*/)
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter((s) => s !== '');
}

export function findCategoryPath(tree: CategoryTree, segments: readonly string[]): string | null {
  return tree.byFoldedPath.get(foldedKey(segments)) ?? null;
}

/** Inserts one category with its audit entry; call inside ctx.tx. Updates `tree` in place. */
export function insertCategory(
  ctx: Ctx,
  tree: CategoryTree,
  name: string,
  parentId: string | null,
): Category {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (clean === '') throw invalid('El nombre de la categoría no puede estar vacío');
  if (clean.length > 120) throw invalid('El nombre de la categoría es demasiado largo');
  const parentPath = parentId === null ? null : tree.paths.get(parentId);
  if (parentId !== null && parentPath === undefined) throw notFound('La categoría madre');
  const folded = foldText(clean);
  // Accents and case do not make a different category: "Almacen" is "Almacén".
  const dup = (tree.children.get(parentId) ?? []).find(
    (id) => foldText(tree.byId.get(id)?.name ?? '') === folded,
  );
  if (dup) {
    const where = parentPath ? ` en «${parentPath}»` : '';
    throw conflict(`Ya existe la categoría «${tree.byId.get(dup)?.name ?? clean}»${where}`);
  }
  const row: CategoryRow = {
    id: ctx.newId(),
    name: clean,
    parent_id: parentId,
    created_at: ctx.now(),
  };
  prep(
    ctx.db,
    'INSERT INTO categories (id, name, parent_id, created_at) VALUES (@id, @name, @parent_id, @created_at)',
  ).run(row);
  ctx.audit.append(ctx.actor, {
    action: 'category.create',
    entity: 'category',
    entityId: row.id,
    after: categorySnapshot(row),
  });
  const path = parentPath ? `${parentPath}${PATH_SEPARATOR}${clean}` : clean;
  tree.byId.set(row.id, row);
  tree.paths.set(row.id, path);
  const parentKey = parentId === null ? null : tree.foldedPaths.get(parentId);
  const key = parentKey ? `${parentKey}›${folded}` : folded;
  tree.byFoldedPath.set(key, row.id);
  tree.foldedPaths.set(row.id, key);
  const siblings = tree.children.get(parentId);
  if (siblings) siblings.push(row.id);
  else tree.children.set(parentId, [row.id]);
  return { id: row.id, name: clean, parentId, path };
}

/** Finds or creates every level of a path; returns the id of the last one. Inside ctx.tx. */
export function ensureCategoryPath(
  ctx: Ctx,
  tree: CategoryTree,
  segments: readonly string[],
): string {
  let parentId: string | null = null;
  for (let i = 0; i < segments.length; i++) {
    const existing = findCategoryPath(tree, segments.slice(0, i + 1));
    parentId = existing ?? insertCategory(ctx, tree, segments[i] as string, parentId).id;
  }
  if (parentId === null) throw invalid('La categoría está vacía');
  return parentId;
}
