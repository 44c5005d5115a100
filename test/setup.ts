import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The first test of a file waits for the panels' modules to be transformed and the texts to load, which on
// a busy two-core machine can take longer than testing-library's default second.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  // Server-rendering tests run without a DOM.
  if (typeof document === 'undefined') return;
  cleanup();
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; Max-Age=0; Path=/`;
  }
  localStorage.clear();
  sessionStorage.clear();
});
