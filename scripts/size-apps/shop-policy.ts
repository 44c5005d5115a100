// In the throw-away app that `node scripts/size.mjs` bundles, this file is replaced by a copy of
// examples/shop-policy.ts; here it points there, so that the apps typecheck against the library's sources.
export { shopPolicy, shopTexts } from '../../examples/shop-policy';
