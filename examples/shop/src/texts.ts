import type { Language } from './router';

/** The shop's own words. The consent texts come from the library, in the same language. */
const fi = {
  shopName: 'For Minis And Mommies',
  skipToContent: 'Siirry sisältöön',
  nav: { label: 'Päävalikko', home: 'Etusivu', products: 'Tuotteet', cart: 'Ostoskori', cookies: 'Evästeet' },
  languageSwitch: 'In English',
  hero: {
    title: 'Pehmeää pienille, helppoa äideille',
    text: 'Vauvanvaatteet, leikit ja imetyksen apuvälineet luonnonmateriaaleista. Toimitus Suomeen 2-4 arkipäivässä.',
    cta: 'Katso tuotteet',
  },
  featured: 'Suosituimmat',
  recentlyViewed: 'Katselit äskettäin',
  productsTitle: 'Tuotteet',
  forBaby: 'Vauvalle',
  forMother: 'Äidille',
  addToCart: 'Lisää ostoskoriin',
  added: 'Lisätty ostoskoriin',
  backToProducts: 'Takaisin tuotteisiin',
  notFound: 'Sivua ei löytynyt.',
  cartTitle: 'Ostoskori',
  cartEmpty: 'Ostoskorisi on tyhjä.',
  quantity: 'Määrä',
  remove: 'Poista',
  total: 'Yhteensä',
  checkout: 'Siirry kassalle',
  checkoutNote: 'Tämä on esittelykauppa: tilauksia ei lähetetä.',
  cartCount: (count: number) => (count === 1 ? '1 tuote' : `${count} tuotetta`),
  footer: {
    about: 'Esittelykauppa kirjastolle react-consent-policy. Kaikki tuotteet ovat kuvitteellisia.',
    contact: 'Asiakaspalvelu: asiakaspalvelu@minis.example',
  },
};

export type ShopTexts = typeof fi;

const en: ShopTexts = {
  shopName: 'For Minis And Mommies',
  skipToContent: 'Skip to content',
  nav: { label: 'Main menu', home: 'Home', products: 'Products', cart: 'Cart', cookies: 'Cookies' },
  languageSwitch: 'Suomeksi',
  hero: {
    title: 'Soft for the little ones, easy for mothers',
    text: 'Baby clothes, toys and nursing helpers made of natural materials. Delivery in Finland in 2-4 working days.',
    cta: 'See the products',
  },
  featured: 'Most loved',
  recentlyViewed: 'Recently viewed',
  productsTitle: 'Products',
  forBaby: 'For baby',
  forMother: 'For mother',
  addToCart: 'Add to cart',
  added: 'Added to cart',
  backToProducts: 'Back to products',
  notFound: 'Page not found.',
  cartTitle: 'Cart',
  cartEmpty: 'Your cart is empty.',
  quantity: 'Quantity',
  remove: 'Remove',
  total: 'Total',
  checkout: 'Go to checkout',
  checkoutNote: 'This is a demo shop: no orders are sent.',
  cartCount: (count: number) => (count === 1 ? '1 item' : `${count} items`),
  footer: {
    about: 'A demo shop for the react-consent-policy library. All products are made up.',
    contact: 'Customer service: service@minis.example',
  },
};

export const texts: Record<Language, ShopTexts> = { fi, en };
