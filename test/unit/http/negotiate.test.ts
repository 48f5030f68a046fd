// Which requests for a certificate get the page instead of JSON.
import { describe, expect, it } from 'vitest';
import { prefersHtml } from '../../../lib/http/negotiate.js';

describe('prefersHtml', () => {
  it.each([
    ['text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8', true],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
    ['application/xhtml+xml', true],
    ['text/*', true],
    ['TEXT/HTML', true],
    [undefined, false],
    ['', false],
    ['*/*', false],
    ['application/json', false],
    ['application/json, text/html;q=0.5', false],
    ['text/html;q=0.5, application/json', false],
    ['text/html, application/json', false],
    ['text/html;q=0', false],
    ['text/html;q=0.9, application/json;q=0.1', true],
  ])('%s → %s', (accept, expected) => {
    expect(prefersHtml(accept)).toBe(expected);
  });
});
