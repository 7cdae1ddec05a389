import type { Product } from '../../../shared/contract/index.ts';
import { useQuery } from '../../lib/hooks.ts';
import { navigate, routeHash } from '../../lib/route.ts';
import { t } from '../../lib/strings.ts';
import { pricingSetupStrings } from '../../lib/strings-pricing-setup.ts';
import { useCan } from '../../stores/session.ts';
import { priceHistoryHash } from '../pricing/pricing-routes.ts';
import { ProductEditor } from './ProductEditor.tsx';
import { ProductStock } from './ProductStock.tsx';

export function ProductPage({ id }: { id: string }) {
  const isNew = id === 'nuevo';
  const product = useQuery('catalog.get', { id }, { enabled: !isNew });
  const current = isNew ? null : product.data?.id === id ? product.data : undefined;
  const canSeePrices = useCan('pricing.read');

  function saved(p: Product) {
    if (isNew) navigate(routeHash('stock', 'producto', p.id), { replace: true });
    else product.reload();
  }

  return (
    <section className="stack" aria-labelledby="product-title">
      <div className="page-subhead">
        <a className="btn link" href={routeHash('stock', 'productos')}>
          ← {t.product.backToList}
        </a>
        <h2 id="product-title" data-testid="product-title">
          {isNew ? t.product.newTitle : (current?.name ?? t.loading)}
        </h2>
        {current && canSeePrices && (
          <a
            className="btn link"
            href={priceHistoryHash(current.id)}
            data-testid="product-price-history"
          >
            {pricingSetupStrings.history.productLink}
          </a>
        )}
      </div>
      {product.error && (
        <p className="error-box" role="alert">
          {product.error}
        </p>
      )}
      {current !== undefined && (
        <div className="product-layout">
          <ProductEditor key={current?.id ?? 'new'} product={current} onSaved={saved} />
          {current && <ProductStock product={current} />}
        </div>
      )}
    </section>
  );
}
