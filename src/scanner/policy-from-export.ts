import { definePolicy, type Policy, PolicyError } from '../core/policy';

/** A plain object, as a structured clone of a module's export gives it. */
type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether a value (a structured clone of a module's export) has the shape `definePolicy` returns: the loader
 * picks the first export that does. Only the shape: `policyFromExport` checks the rest.
 */
export function looksLikePolicy(value: unknown): boolean {
  return (
    isPlain(value) &&
    typeof value.revision === 'number' &&
    Array.isArray(value.categories) &&
    Array.isArray(value.categoryNames) &&
    Array.isArray(value.services) &&
    Array.isArray(value.storage) &&
    isPlain(value.cookie)
  );
}

/** The value as it was declared (`declaredLifetime`), else the milliseconds the policy holds. */
const declaredOr = (declared: unknown, ms: unknown) => (declared === undefined ? ms : declared);

/**
 * The policy an exported value stands for, made again by this scanner's own `definePolicy` from what the export
 * declares. So a scan never trusts a module's object as it is: a policy edited after `definePolicy`, from another
 * version of the library, or made by hand, is checked by the same rules as the shop's own, and every mistake is
 * the `PolicyError` that names its path. Throws a PolicyError when the value is not a policy at all.
 */
export function policyFromExport(value: unknown): Policy {
  if (!looksLikePolicy(value)) {
    throw new PolicyError('the export is not a policy made by definePolicy().');
  }
  const policy = value as Plain;
  const config: Plain = {
    revision: policy.revision,
    consentMaxAge: policy.consentMaxAge,
    categories: Object.fromEntries(
      (policy.categories as unknown[]).map((raw) => {
        const category = isPlain(raw) ? raw : {};
        const lifetime = isPlain(category.lifetime) ? category.lifetime : {};
        const declared = isPlain(category.declaredLifetime) ? category.declaredLifetime : {};
        return [
          String(category.name),
          {
            required: category.required,
            thirdParty: category.thirdParty,
            lifetime: { min: declaredOr(declared.min, lifetime.min), max: declaredOr(declared.max, lifetime.max) },
          },
        ];
      }),
    ),
    services: Object.fromEntries(
      (policy.services as unknown[]).map((raw) => {
        const service = isPlain(raw) ? raw : {};
        const { storage } = service;
        return [
          String(service.id),
          {
            category: service.category,
            label: service.label,
            thirdParty: service.thirdParty,
            hosts: service.hosts,
            ...(service.privacy === undefined ? {} : { privacy: service.privacy }),
            storage: Array.isArray(storage)
              ? storage.map((item: unknown) =>
                  isPlain(item)
                    ? {
                        name: item.name,
                        kind: item.kind,
                        lifetime: declaredOr(item.declaredLifetime, item.lifetime),
                        party: item.party,
                      }
                    : item,
                )
              : storage,
          },
        ];
      }),
    ),
    cookie: policy.cookie,
    ...(policy.about === undefined ? {} : { about: policy.about }),
  };
  // definePolicy's types are the shop's literal names; here they are whatever the module holds, checked at run time.
  return definePolicy(config as unknown as Parameters<typeof definePolicy>[0]);
}
