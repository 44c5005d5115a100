/**
 * The shop's own words, the `shop` namespace of its i18next instance. The consent texts live in the same
 * instance (the library adds its `consent` namespace), so one language switch changes both.
 */
export const fi = {
  shopName: 'For Minis And Mommies',
  skipToContent: 'Siirry sisältöön',
  nav: { label: 'Päävalikko', home: 'Etusivu', products: 'Tuotteet', cart: 'Ostoskori', cookies: 'Evästeet' },
  languages: { label: 'Kieli', own: 'Suomeksi' },
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
  cartCount_one: '{{count}} tuote',
  cartCount_other: '{{count}} tuotetta',
  footer: {
    about: 'Esittelykauppa kirjastolle react-consent-policy. Kaikki tuotteet ovat kuvitteellisia.',
    contact: 'Asiakaspalvelu: asiakaspalvelu@minis.example',
  },
};

export const en: typeof fi = {
  shopName: 'For Minis And Mommies',
  skipToContent: 'Skip to content',
  nav: { label: 'Main menu', home: 'Home', products: 'Products', cart: 'Cart', cookies: 'Cookies' },
  languages: { label: 'Language', own: 'In English' },
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
  cartCount_one: '{{count}} item',
  cartCount_other: '{{count}} items',
  footer: {
    about: 'A demo shop for the react-consent-policy library. All products are made up.',
    contact: 'Customer service: service@minis.example',
  },
};

export const sv: typeof fi = {
  shopName: 'For Minis And Mommies',
  skipToContent: 'Hoppa till innehållet',
  nav: { label: 'Huvudmeny', home: 'Startsida', products: 'Produkter', cart: 'Kundvagn', cookies: 'Kakor' },
  languages: { label: 'Språk', own: 'På svenska' },
  hero: {
    title: 'Mjukt för de små, enkelt för mammor',
    text: 'Babykläder, leksaker och amningshjälpmedel av naturmaterial. Leverans inom Finland på 2–4 vardagar.',
    cta: 'Se produkterna',
  },
  featured: 'Populärast',
  recentlyViewed: 'Du tittade nyligen på',
  productsTitle: 'Produkter',
  forBaby: 'För babyn',
  forMother: 'För mamman',
  addToCart: 'Lägg i kundvagnen',
  added: 'Lagd i kundvagnen',
  backToProducts: 'Tillbaka till produkterna',
  notFound: 'Sidan hittades inte.',
  cartTitle: 'Kundvagn',
  cartEmpty: 'Din kundvagn är tom.',
  quantity: 'Antal',
  remove: 'Ta bort',
  total: 'Totalt',
  checkout: 'Gå till kassan',
  checkoutNote: 'Det här är en demobutik: inga beställningar skickas.',
  cartCount_one: '{{count}} produkt',
  cartCount_other: '{{count}} produkter',
  footer: {
    about: 'En demobutik för biblioteket react-consent-policy. Alla produkter är påhittade.',
    contact: 'Kundtjänst: kundtjanst@minis.example',
  },
};

/** The shop's words per language, as its i18next instance holds them. */
export const SHOP_TEXTS = { fi, en, sv } as const;
