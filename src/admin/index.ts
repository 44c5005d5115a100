// react-consent-policy/admin: the consent log's statistics for the shop's staff (React, no i18next).
export { ADMIN_WORDS, type AdminWords } from './admin-words';
export { ConsentStatsChart, type ConsentStatsChartProps } from './consent-stats-chart';
