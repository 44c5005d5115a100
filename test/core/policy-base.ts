import type { PolicyConfig } from '../../src/core/policy';

/** The smallest valid declaration the policy tests start from: a required category and a third-party one. */
export const base = {
  revision: 1,
  categories: {
    necessary: { required: true, lifetime: { min: '15min', max: '26mo' } },
    analytics: { thirdParty: true, lifetime: { min: '30s', max: '26mo' } },
  },
} satisfies PolicyConfig<'necessary' | 'analytics'>;

// biome-ignore lint/suspicious/noExplicitAny: the tests build broken configurations on purpose
export type Loose = Record<string, any>;
