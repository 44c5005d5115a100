import { ConsentEmbed, googleMapsEmbed } from 'react-consent-policy';
import { shopPolicy } from '../../../shop-policy';
import { useShop } from '../shop-context';

const { address, contact } = shopPolicy.about?.controller ?? { address: '', contact: '' };

/** The map loads from Google only once the visitor allows it (marketing) or asks for it once. */
export const MAP_SRC = googleMapsEmbed(address);

export function ContactPage() {
  const { t } = useShop();
  return (
    <>
      <h1>{t('contact.title')}</h1>
      <p>{t('contact.intro')}</p>
      <address>
        {address}
        <br />
        {t('contact.email')}: <a href={`mailto:${contact}`}>{contact}</a>
      </address>
      <ConsentEmbed
        service="google-maps"
        src={MAP_SRC}
        title={t('contact.mapTitle', { address })}
        width={600}
        height={400}
        kind="map"
        className="contact-map"
      />
    </>
  );
}
