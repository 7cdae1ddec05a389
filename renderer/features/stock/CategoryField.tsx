import { useState } from 'react';
import { call, errorMessage } from '../../lib/api.ts';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';

const NEW = '__new__';

export function CategoryField({
  value,
  onChange,
  disabled,
}: {
  value: string;
  onChange(id: string): void;
  disabled: boolean;
}) {
  const categories = useQuery('catalog.categories', {});
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function create() {
    setError(null);
    try {
      const category = await call('catalog.createCategory', { name, parentId: null });
      categories.reload();
      onChange(category.id);
      setCreating(false);
      setName('');
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const sorted = [...(categories.data ?? [])].sort((a, b) => a.path.localeCompare(b.path, 'es'));

  if (creating) {
    return (
      <div className="field">
        <label htmlFor="new-category">{t.product.newCategory}</label>
        <div className="inline">
          <input
            id="new-category"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void create();
              } else if (e.key === 'Escape') setCreating(false);
            }}
            autoFocus
            data-testid="category-new-name"
          />
          <button
            type="button"
            className="btn"
            onClick={() => void create()}
            data-testid="category-new-save"
          >
            {t.create}
          </button>
          <button type="button" className="btn link" onClick={() => setCreating(false)}>
            {t.cancel}
          </button>
        </div>
        {error && <small className="field-error">{error}</small>}
      </div>
    );
  }

  return (
    <label className="field">
      <span>{t.product.field.category}</span>
      <select
        value={value}
        onChange={(e) => (e.target.value === NEW ? setCreating(true) : onChange(e.target.value))}
        disabled={disabled}
        data-testid="product-category"
      >
        <option value="">{t.product.noCategory}</option>
        {sorted.map((c) => (
          <option key={c.id} value={c.id}>
            {c.path}
          </option>
        ))}
        {!disabled && <option value={NEW}>{t.product.newCategory}…</option>}
      </select>
      {categories.error && <small className="field-error">{categories.error}</small>}
    </label>
  );
}
