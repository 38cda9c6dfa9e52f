import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseInline, safeHref } from '@/lib/markdown';
import { Markdown } from './markdown';

function html(source: string): HTMLElement {
  return render(<Markdown source={source} />).container;
}

describe('Markdown', () => {
  it('renders paragraphs, bold, emphasis and lists', () => {
    const el = html(
      'Hello **big** and __wide__ world.\n\nA *soft* _voice_.\n\n- one\n- two **2**\n\n1. first\n2. second',
    );
    expect(el.querySelectorAll('p')).toHaveLength(2);
    expect([...el.querySelectorAll('strong')].map((s) => s.textContent)).toEqual(['big', 'wide', '2']);
    expect([...el.querySelectorAll('em')].map((s) => s.textContent)).toEqual(['soft', 'voice']);
    expect([...el.querySelectorAll('ul > li')].map((s) => s.textContent)).toEqual(['one', 'two 2']);
    expect([...el.querySelectorAll('ol > li')].map((s) => s.textContent)).toEqual(['first', 'second']);
  });

  it('keeps snake_case words as they are', () => {
    expect(html('call my_var_name now').querySelector('em')).toBeNull();
  });

  it('links http(s) and mailto targets only', () => {
    const el = html('[site](https://example.com/a?b=1) [mail](mailto:me@example.com) [plain](http://x.org)');
    expect([...el.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/a?b=1',
      'mailto:me@example.com',
      'http://x.org/',
    ]);
    for (const a of el.querySelectorAll('a')) expect(a.getAttribute('rel')).toContain('noopener');
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](javascript://example.com/%0Aalert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox)',
    '[x](//evil.example.com)',
    '[x](/relative/path)',
    '[x](&#106;avascript:alert(1))',
    '[x](\tjavascript:alert(1))',
  ])('never makes a link of %s', (source) => {
    const el = html(source);
    expect(el.querySelector('a')).toBeNull();
    expect(el.textContent).toContain('x');
  });

  it('shows HTML in the text as text, never as elements', () => {
    const el = html(
      '<script>alert(1)</script> <img src=x onerror="alert(1)"> <a href="javascript:alert(1)">y</a>\n\n- <iframe src="https://evil"></iframe>\n\n**<b onmouseover=alert(1)>bold</b>**',
    );
    expect(el.querySelector('script, img, iframe, b')).toBeNull();
    expect(el.querySelector('a')).toBeNull();
    expect(el.textContent).toContain('<script>alert(1)</script>');
    expect(el.querySelector('strong')?.textContent).toBe('<b onmouseover=alert(1)>bold</b>');
    for (const node of el.querySelectorAll('*')) {
      for (const attr of node.attributes) expect(attr.name.startsWith('on')).toBe(false);
    }
  });

  it('cannot smuggle attributes through a link target', () => {
    const el = html('[x](https://ok.example/"onmouseover="alert)');
    const a = el.querySelector('a');
    expect(a?.getAttributeNames().sort()).toEqual(['class', 'href', 'rel']);
    expect(a?.getAttribute('href')).toBe('https://ok.example/%22onmouseover=%22alert');
  });

  it('handles long hostile input quickly', () => {
    const start = performance.now();
    parseInline('*'.repeat(5000) + '_'.repeat(5000) + '['.repeat(5000) + 'a '.repeat(5000));
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('safeHref', () => {
  it('accepts only absolute http(s) and mailto', () => {
    expect(safeHref(' https://a.example ')).toBe('https://a.example/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://')).toBeNull();
    expect(safeHref('ftp://a.example')).toBeNull();
  });
});
