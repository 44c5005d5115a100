import type { Language } from './router';

export interface Product {
  id: string;
  /** Euro cents. */
  price: number;
  image: string;
  name: Record<Language, string>;
  description: Record<Language, string>;
  /** Who the product is for. */
  for: 'baby' | 'mother';
}

export const products: readonly Product[] = [
  {
    id: 'organic-bodysuit',
    price: 1990,
    image: '/images/bodysuit.svg',
    for: 'baby',
    name: { fi: 'Luomupuuvillabody', en: 'Organic cotton bodysuit', sv: 'Ekologisk body' },
    description: {
      fi: 'Pehmeä, painonapeilla avautuva body luomupuuvillasta. Koot 50-86 cm.',
      en: 'A soft bodysuit of organic cotton with snap buttons. Sizes 50-86 cm.',
      sv: 'En mjuk body av ekologisk bomull med tryckknappar. Storlekar 50–86 cm.',
    },
  },
  {
    id: 'knitted-beanie',
    price: 1490,
    image: '/images/beanie.svg',
    for: 'baby',
    name: { fi: 'Neulottu vauvanpipo', en: 'Knitted baby beanie', sv: 'Stickad babymössa' },
    description: {
      fi: 'Lämmin merinovillapipo, joka ei kutita. Konepesun kestävä.',
      en: 'A warm merino wool beanie that does not itch. Machine washable.',
      sv: 'En varm mössa av merinoull som inte kliar. Tål maskintvätt.',
    },
  },
  {
    id: 'wooden-rattle',
    price: 1250,
    image: '/images/rattle.svg',
    for: 'baby',
    name: { fi: 'Puinen helistin', en: 'Wooden rattle', sv: 'Skallra i trä' },
    description: {
      fi: 'Käsin hiottu koivuhelistin, käsitelty ruokaöljyllä. Ei pieniä osia.',
      en: 'A hand-sanded birch rattle finished with food-safe oil. No small parts.',
      sv: 'En handslipad skallra av björk, behandlad med matolja. Inga smådelar.',
    },
  },
  {
    id: 'muslin-blanket',
    price: 2490,
    image: '/images/blanket.svg',
    for: 'baby',
    name: { fi: 'Harsoliina', en: 'Muslin swaddle blanket', sv: 'Muslinfilt' },
    description: {
      fi: 'Hengittävä harsoliina kapaloon, vaunuihin ja imetykseen. 120 x 120 cm.',
      en: 'A breathable muslin for swaddling, the pram and nursing. 120 x 120 cm.',
      sv: 'En luftig muslinfilt för lindning, barnvagnen och amning. 120 x 120 cm.',
    },
  },
  {
    id: 'hooded-towel',
    price: 2200,
    image: '/images/towel.svg',
    for: 'baby',
    name: { fi: 'Huppupyyhe', en: 'Hooded bath towel', sv: 'Badhandduk med huva' },
    description: {
      fi: 'Paksu froteepyyhe hupulla, joka pitää vauvan pään lämpimänä kylvyn jälkeen.',
      en: 'A thick terry towel with a hood that keeps a baby warm after the bath.',
      sv: 'En tjock frottéhandduk med huva som håller babyns huvud varmt efter badet.',
    },
  },
  {
    id: 'nursing-pillow',
    price: 4900,
    image: '/images/pillow.svg',
    for: 'mother',
    name: { fi: 'Imetystyyny', en: 'Nursing pillow', sv: 'Amningskudde' },
    description: {
      fi: 'Tukeva tyyny imetykseen ja raskausajan lepoon. Irrotettava, pestävä päällinen.',
      en: 'A firm pillow for nursing and resting during pregnancy. Removable, washable cover.',
      sv: 'En stadig kudde för amning och vila under graviditeten. Avtagbart, tvättbart överdrag.',
    },
  },
  {
    id: 'baby-wrap',
    price: 7900,
    image: '/images/wrap.svg',
    for: 'mother',
    name: { fi: 'Kantoliina', en: 'Baby wrap carrier', sv: 'Bärsjal' },
    description: {
      fi: 'Joustava trikookantoliina vastasyntyneestä noin 9 kiloon.',
      en: 'A stretchy jersey wrap from newborn to about 9 kilograms.',
      sv: 'En elastisk bärsjal i trikå från nyfödd till cirka 9 kilo.',
    },
  },
  {
    id: 'nursing-top',
    price: 3990,
    image: '/images/top.svg',
    for: 'mother',
    name: { fi: 'Imetyspaita', en: 'Nursing top', sv: 'Amningströja' },
    description: {
      fi: 'Pehmeä paita, jonka piilotettu aukko helpottaa imetystä kotona ja kylillä.',
      en: 'A soft top whose hidden opening makes nursing easy at home and out and about.',
      sv: 'En mjuk tröja vars dolda öppning gör det lätt att amma hemma och ute.',
    },
  },
];

export function findProduct(id: string): Product | undefined {
  return products.find((product) => product.id === id);
}

/** Prices as a Finnish shop writes them in each language: euros, in Finland's (or Ireland's) conventions. */
const LOCALES: Readonly<Record<Language, string>> = { fi: 'fi-FI', en: 'en-IE', sv: 'sv-FI' };

export function formatPrice(cents: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
