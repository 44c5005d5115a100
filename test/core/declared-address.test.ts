import { describe, expect, it } from 'vitest';
import { addressFault } from '../../src/core/declared-address';

describe('addressFault: the one check of where a script, a marked-up tag or an embed may load from', () => {
  const service = { hosts: ['www.YouTube-nocookie.com', 'widget.chat.example'] };

  it('allows an https address on a declared host, the host compared without case', () => {
    expect(addressFault('https://widget.chat.example/loader.js', service)).toBeNull();
    expect(addressFault('https://WWW.youtube-nocookie.com/embed/x', service)).toBeNull();
  });

  it('refuses anything else, saying why', () => {
    expect(addressFault('/loader.js', service)).toBe('not-absolute');
    expect(addressFault('//widget.chat.example/loader.js', service)).toBe('not-absolute');
    expect(addressFault('http://widget.chat.example/loader.js', service)).toBe('not-https');
    expect(addressFault('javascript:alert(1)', service)).toBe('not-https');
    expect(addressFault('https://widget.chat.example.evil.example/x.js', service)).toBe('undeclared-host');
    expect(addressFault('https://evil.example/?widget.chat.example', service)).toBe('undeclared-host');
    expect(addressFault('https://widget.chat.example', { hosts: [] })).toBe('undeclared-host');
  });
});
