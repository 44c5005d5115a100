import type { Product } from './products';
import { formatPrice } from './products';
import { Link } from './router';
import { useShop } from './shop-context';

export function ProductCard({ product }: { product: Product }) {
  const { language, href } = useShop();
  return (
    <li className="card">
      <Link href={href(`/products/${product.id}`)} className="card-link">
        <img src={product.image} alt="" width={400} height={300} />
        <span className="card-name">{product.name[language]}</span>
      </Link>
      <span className="card-price">{formatPrice(product.price, language)}</span>
    </li>
  );
}

export function ProductGrid({ items, labelledBy }: { items: readonly Product[]; labelledBy: string }) {
  return (
    <ul className="grid" aria-labelledby={labelledBy}>
      {items.map((product) => (
        <ProductCard key={product.id} product={product} />
      ))}
    </ul>
  );
}
