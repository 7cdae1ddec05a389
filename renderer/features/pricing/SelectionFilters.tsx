import type { Category, SupplierSettings } from '../../../shared/contract/index.ts';
import { SelectField } from '../../lib/fields.tsx';
import { useQuery } from '../../lib/hooks.ts';
import { pricingStrings } from '../../lib/strings-pricing.ts';
import { useCan } from '../../stores/session.ts';

const f = pricingStrings.filters;

export type ScopeLists = {
  categories: Category[];
  suppliers: SupplierSettings[];
  error: string | null;
};

/** The categories (by path) and suppliers (by name) a selection can be narrowed to. */
export function useScopeLists(): ScopeLists {
  const canSuppliers = useCan('invoices.read');
  const categories = useQuery('catalog.categories', {});
  const suppliers = useQuery('suppliers.list', {}, { enabled: canSuppliers });
  return {
    categories: [...(categories.data ?? [])].sort((a, b) => a.path.localeCompare(b.path, 'es')),
    suppliers: [...(suppliers.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'es')),
    error: categories.error ?? suppliers.error,
  };
}

/** The names a description uses for the chosen category and supplier. */
export function scopeNames(
  lists: ScopeLists,
  categoryId: string,
  supplierCuit: string,
): { category: string | null; supplier: string | null } {
  return {
    category: lists.categories.find((c) => c.id === categoryId)?.name ?? null,
    supplier: lists.suppliers.find((s) => s.cuit === supplierCuit)?.name ?? null,
  };
}

/** Category and supplier pickers; '' is «Todas» / «Todos». */
export function ScopeSelects({
  lists,
  categoryId,
  supplierCuit,
  onCategory,
  onSupplier,
  testIdPrefix,
}: {
  lists: ScopeLists;
  categoryId: string;
  supplierCuit: string;
  onCategory(id: string): void;
  onSupplier(cuit: string): void;
  testIdPrefix: string;
}) {
  return (
    <>
      <SelectField
        label={f.category}
        value={categoryId}
        onChange={onCategory}
        options={[
          { value: '', label: f.anyCategory },
          ...lists.categories.map((c) => ({ value: c.id, label: c.path })),
        ]}
        testId={`${testIdPrefix}-category`}
      />
      {lists.suppliers.length > 0 && (
        <SelectField
          label={f.supplier}
          value={supplierCuit}
          onChange={onSupplier}
          options={[
            { value: '', label: f.anySupplier },
            ...lists.suppliers.map((s) => ({ value: s.cuit, label: s.name })),
          ]}
          testId={`${testIdPrefix}-supplier`}
        />
      )}
    </>
  );
}
