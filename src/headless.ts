'use client';

// `react-consent-policy/headless`: the consent's core and its React hooks and components, without the
// consent UI. An app that draws its own banner imports from here, so that its bundler neither loads nor
// writes any of the UI's chunks (with the package's root entry, esbuild reads the UI modules' `import()`s and
// writes their chunks, which such an app never loads).
export * from './core/index';
export * from './react/index';
