import { ProductGrid } from '../product-card';
import { products } from '../products';
import { useShop } from '../shop-context';

export function ProductsPage() {
  const { t } = useShop();
  return (
    <>
      <h1>{t('productsTitle')}</h1>
      <section aria-labelledby="for-baby">
        <h2 id="for-baby">{t('forBaby')}</h2>
        <ProductGrid items={products.filter((product) => product.for === 'baby')} labelledBy="for-baby" />
      </section>
      <section aria-labelledby="for-mother">
        <h2 id="for-mother">{t('forMother')}</h2>
        <ProductGrid items={products.filter((product) => product.for === 'mother')} labelledBy="for-mother" />
      </section>
    </>
  );
}
