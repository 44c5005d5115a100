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
    name: { fi: 'Luomupuuvillabody', en: 'Organic cotton bodysuit' },
    description: {
      fi: 'Pehmeä, painonapeilla avautuva body luomupuuvillasta. Koot 50-86 cm.',
      en: 'A soft bodysuit of organic cotton with snap buttons. Sizes 50-86 cm.',
    },
  },
  {
    id: 'knitted-beanie',
    price: 1490,
    image: '/images/beanie.svg',
    for: 'baby',
    name: { fi: 'Neulottu vauvanpipo', en: 'Knitted baby beanie' },
    description: {
      fi: 'Lämmin merinovillapipo, joka ei kutita. Konepesun kestävä.',
      en: 'A warm merino wool beanie that does not itch. Machine washable.',
    },
  },
  {
    id: 'wooden-rattle',
    price: 1250,
    image: '/images/rattle.svg',
    for: 'baby',
    name: { fi: 'Puinen helistin', en: 'Wooden rattle' },
    description: {
      fi: 'Käsin hiottu koivuhelistin, käsitelty ruokaöljyllä. Ei pieniä osia.',
      en: 'A hand-sanded birch rattle finished with food-safe oil. No small parts.',
    },
  },
  {
    id: 'muslin-blanket',
    price: 2490,
    image: '/images/blanket.svg',
    for: 'baby',
    name: { fi: 'Harsoliina', en: 'Muslin swaddle blanket' },
    description: {
      fi: 'Hengittävä harsoliina kapaloon, vaunuihin ja imetykseen. 120 x 120 cm.',
      en: 'A breathable muslin for swaddling, the pram and nursing. 120 x 120 cm.',
    },
  },
  {
    id: 'hooded-towel',
    price: 2200,
    image: '/images/towel.svg',
    for: 'baby',
    name: { fi: 'Huppupyyhe', en: 'Hooded bath towel' },
    description: {
      fi: 'Paksu froteepyyhe hupulla, joka pitää vauvan pään lämpimänä kylvyn jälkeen.',
      en: 'A thick terry towel with a hood that keeps a baby warm after the bath.',
    },
  },
  {
    id: 'nursing-pillow',
    price: 4900,
    image: '/images/pillow.svg',
    for: 'mother',
    name: { fi: 'Imetystyyny', en: 'Nursing pillow' },
    description: {
      fi: 'Tukeva tyyny imetykseen ja raskausajan lepoon. Irrotettava, pestävä päällinen.',
      en: 'A firm pillow for nursing and resting during pregnancy. Removable, washable cover.',
    },
  },
  {
    id: 'baby-wrap',
    price: 7900,
    image: '/images/wrap.svg',
    for: 'mother',
    name: { fi: 'Kantoliina', en: 'Baby wrap carrier' },
    description: {
      fi: 'Joustava trikookantoliina vastasyntyneestä noin 9 kiloon.',
      en: 'A stretchy jersey wrap from newborn to about 9 kilograms.',
    },
  },
  {
    id: 'nursing-top',
    price: 3990,
    image: '/images/top.svg',
    for: 'mother',
    name: { fi: 'Imetyspaita', en: 'Nursing top' },
    description: {
      fi: 'Pehmeä paita, jonka piilotettu aukko helpottaa imetystä kotona ja kylillä.',
      en: 'A soft top whose hidden opening makes nursing easy at home and out and about.',
    },
  },
];

export function findProduct(id: string): Product | undefined {
  return products.find((product) => product.id === id);
}

export function formatPrice(cents: number, language: Language): string {
  return new Intl.NumberFormat(language === 'fi' ? 'fi-FI' : 'en-IE', { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
}
