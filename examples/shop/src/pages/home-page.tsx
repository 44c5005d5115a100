import { ProductGrid } from '../product-card';
import { findProduct, type Product, products } from '../products';
import { useRecentlyViewed } from '../recently-viewed';
import { Link } from '../router';
import { useShop } from '../shop-context';

export function HomePage() {
  const { t, href } = useShop();
  const { viewed } = useRecentlyViewed();
  const recent = viewed.map(findProduct).filter((product): product is Product => product !== undefined);
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div>
          <h1 id="hero-title">{t('hero.title')}</h1>
          <p>{t('hero.text')}</p>
          <Link className="button" href={href('/products')}>
            {t('hero.cta')}
          </Link>
        </div>
        <img src="/images/hero.svg" alt="" width={480} height={320} />
      </section>
      {recent.length > 0 && (
        <section aria-labelledby="recent-title" data-testid="recently-viewed">
          <h2 id="recent-title">{t('recentlyViewed')}</h2>
          <ProductGrid items={recent} labelledBy="recent-title" />
        </section>
      )}
      <section aria-labelledby="featured-title">
        <h2 id="featured-title">{t('featured')}</h2>
        <ProductGrid items={products.slice(0, 4)} labelledBy="featured-title" />
      </section>
    </>
  );
}
