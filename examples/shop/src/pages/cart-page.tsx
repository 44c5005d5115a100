import { useCart } from '../cart';
import { findProduct, formatPrice } from '../products';
import { Link } from '../router';
import { useScanViolation } from '../scan-violation';
import { useShop } from '../shop-context';

export function CartPage() {
  useScanViolation();
  const { language, t, href } = useShop();
  const { cart, setQuantity } = useCart();
  const lines = Object.entries(cart).flatMap(([id, quantity]) => {
    const product = findProduct(id);
    return product ? [{ product, quantity }] : [];
  });
  const total = lines.reduce((sum, { product, quantity }) => sum + product.price * quantity, 0);
  return (
    <>
      <h1>{t('cartTitle')}</h1>
      {lines.length === 0 ? (
        <p>{t('cartEmpty')}</p>
      ) : (
        <>
          <ul className="cart">
            {lines.map(({ product, quantity }) => (
              <li key={product.id}>
                <img src={product.image} alt="" width={96} height={72} />
                <Link href={href(`/products/${product.id}`)}>{product.name[language]}</Link>
                <label>
                  {t('quantity')}{' '}
                  <input
                    type="number"
                    min={0}
                    max={99}
                    value={quantity}
                    onChange={(event) => setQuantity(product.id, Number(event.target.value) || 0)}
                  />
                </label>
                <span>{formatPrice(product.price * quantity, language)}</span>
                <button type="button" className="link-button" onClick={() => setQuantity(product.id, 0)}>
                  {t('remove')}
                  <span className="visually-hidden"> {product.name[language]}</span>
                </button>
              </li>
            ))}
          </ul>
          <p className="total">
            {t('total')}: <strong>{formatPrice(total, language)}</strong>
          </p>
          <button type="button" className="button" disabled>
            {t('checkout')}
          </button>
          <p>{t('checkoutNote')}</p>
        </>
      )}
    </>
  );
}
