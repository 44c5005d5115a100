import { shopPolicy } from '../../examples/shop-policy';
import { definePolicy } from '../../src/core/policy';

const categories = {
  necessary: { required: true, lifetime: { min: '15min', max: '26mo' } },
  personalization: { lifetime: { min: '15min', max: '26mo' } },
  analytics: { thirdParty: true, lifetime: { min: '30s', max: '26mo' } },
  marketing: { thirdParty: true, lifetime: { min: '30s', max: '26mo' } },
} as const;

/** The shop's categories under a new revision: every stored choice must be asked again. */
export const bumpedPolicy = definePolicy({ revision: shopPolicy.revision + 1, categories });

/** The shop's categories and one more: a stored choice lacks it, so the visitor is asked again. */
export const grownPolicy = definePolicy({
  revision: shopPolicy.revision,
  categories: { ...categories, social: { thirdParty: true, lifetime: { min: '30s', max: '26mo' } } },
});
