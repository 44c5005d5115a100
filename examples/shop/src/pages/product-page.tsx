import { useEffect, useState } from 'react';
import { ConsentEmbed, useTrackedPixel, youtubeEmbed } from 'react-consent-policy';
import { useCart } from '../cart';
import { ProductGrid } from '../product-card';
import { findProduct, formatPrice, type Product } from '../products';
import { useRecentlyViewed } from '../recently-viewed';
import { Link } from '../router';
import { useShop } from '../shop-context';
import { NotFoundPage } from './not-found-page';

export const PIXEL_URL = 'https://pixel.adnetwork.example/view.gif';

/**
 * Every product page shows the same video, a stand-in (the demo shop has no videos of its own), from
 * YouTube's privacy-enhanced player: it loads only once the visitor allows it or asks for it once.
 */
export const PRODUCT_VIDEO = youtubeEmbed('aqz-KE-bpKQ');

export function ProductPage({ id }: { id: string }) {
  const product = findProduct(id);
  return product ? <ProductView key={product.id} product={product} /> : <NotFoundPage />;
}

function ProductView({ product }: { product: Product }) {
  const { language, t, href } = useShop();
  const { add } = useCart();
  const [added, setAdded] = useState(false);
  const { viewed, remember } = useRecentlyViewed();
  // The advertising network hears of this product view only while marketing is granted.
  const pixel = useTrackedPixel({ src: `${PIXEL_URL}?product=${encodeURIComponent(product.id)}` });

  useEffect(() => remember(product.id), [product.id, remember]);

  const others = viewed
    .filter((id) => id !== product.id)
    .map(findProduct)
    .filter((other): other is Product => other !== undefined);

  return (
    <>
      <p>
        <Link href={href('/products')}>{t('backToProducts')}</Link>
      </p>
      <article className="product">
        <img src={product.image} alt="" width={400} height={300} />
        <div>
          <h1>{product.name[language]}</h1>
          <p className="price">{formatPrice(product.price, language)}</p>
          <p>{product.description[language]}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              add(product.id);
              setAdded(true);
            }}
          >
            {t('addToCart')}
          </button>
          <p role="status" className="status">
            {added ? t('added') : ''}
          </p>
        </div>
      </article>
      <section aria-labelledby="video-title" className="product-video">
        <h2 id="video-title">{t('productVideo')}</h2>
        <ConsentEmbed
          service="youtube"
          src={PRODUCT_VIDEO}
          title={t('productVideoTitle', { name: product.name[language] })}
          width={560}
          height={315}
          kind="video"
        />
      </section>
      {others.length > 0 && (
        <section aria-labelledby="recent-title" data-testid="recently-viewed">
          <h2 id="recent-title">{t('recentlyViewed')}</h2>
          <ProductGrid items={others} labelledBy="recent-title" />
        </section>
      )}
      {pixel}
    </>
  );
}
