import { Link } from '../router';
import { useShop } from '../shop-context';

export function NotFoundPage() {
  const { t, href } = useShop();
  return (
    <>
      <h1>{t('notFound')}</h1>
      <p>
        <Link href={href('/')}>{t('nav.home')}</Link>
      </p>
    </>
  );
}
