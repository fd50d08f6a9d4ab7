import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiErrorMessage, apiErrorOf, apiVerbs, eventChannel, invokeChannel } from '../../../core/api';
import { contentSecurityPolicy } from '../../../electron/content-security-policy';

describe('API contract', () => {
  it('gives every verb its own channel', () => {
    const channels = apiVerbs.map(invokeChannel);
    expect(new Set(channels).size).toBe(apiVerbs.length);
    expect(eventChannel('command')).not.toBe(invokeChannel('getStartupState'));
  });

  it('reads an API error back from a message, also behind the prefix Electron adds', () => {
    const message = apiErrorMessage({ code: 'invalidArguments', detail: 'setLanguage: 0: Invalid option' });
    expect(apiErrorOf(new Error(message))).toEqual({ code: 'invalidArguments', detail: 'setLanguage: 0: Invalid option' });
    expect(apiErrorOf(new Error(`Error invoking remote method 'x': Error: ${message}`))?.code).toBe('invalidArguments');
    expect(apiErrorOf(new Error('{"code":"madeUp","detail":"x"}'))).toBeUndefined();
    expect(apiErrorOf(new Error('plain failure'))).toBeUndefined();
    expect(apiErrorOf('not an error')).toBeUndefined();
  });
});

describe('Content Security Policy', () => {
  it('is the same in the page and in main, and allows nothing remote, inline or eval', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(contentSecurityPolicy).toContain("default-src 'self'");
  });
});
