import { useEffect, useState } from 'react';
import { ConsentStatsChart } from 'react-consent-policy/admin';
import type { DayStats } from 'react-consent-policy/server';
import en from '../../../../locales/en/shop-policy.json';
import fi from '../../../../locales/fi/shop-policy.json';
import sv from '../../../../locales/sv/shop-policy.json';
import { useShop } from '../shop-context';

const CATEGORY_NAMES = { fi, en, sv };
/** The staff's page is in the shop's languages but not linked from the shop: its words stay here. */
const WORDS = {
  fi: { title: 'Suostumukset', note: 'Suostumuslokin tilastot näkyvät, kun kauppa on käynnissä komennolla npm start.' },
  en: { title: 'Consents', note: 'The consent log’s statistics show while the shop runs with npm start.' },
  sv: { title: 'Samtycken', note: 'Samtyckesloggens statistik visas när butiken körs med npm start.' },
};

/**
 * The shop owner's view of the consent log (`react-consent-policy/admin`): the last 30 days from the
 * development server's log (`/api/consent-stats`, answered on 127.0.0.1 only). A static build has no log.
 */
export function AdminPage() {
  const { language } = useShop();
  const [stats, setStats] = useState<DayStats[] | null | 'none'>(null);
  useEffect(() => {
    let live = true;
    const load = async (): Promise<DayStats[] | 'none'> => {
      try {
        const response = await fetch('/api/consent-stats');
        return response.ok ? ((await response.json()) as DayStats[]) : 'none';
      } catch {
        return 'none';
      }
    };
    void load().then((result) => {
      if (live) setStats(result);
    });
    return () => {
      live = false;
    };
  }, []);
  const categories = CATEGORY_NAMES[language].categories;
  return (
    <>
      <h1>{WORDS[language].title}</h1>
      {stats === 'none' ? <p>{WORDS[language].note}</p> : null}
      {Array.isArray(stats) ? (
        <ConsentStatsChart
          stats={stats}
          language={language}
          categories={Object.keys(categories)}
          categoryLabels={Object.fromEntries(
            Object.entries(categories).map(([name, { name: label }]) => [name, label]),
          )}
        />
      ) : null}
    </>
  );
}
