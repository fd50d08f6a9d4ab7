/** The control page with its first frame (core/first-frame.ts): where the frame goes, and that the session's text stays text. */
import { describe, expect, it } from 'vitest';
import { pageWithFirstFrame, type FirstFrame } from '../../../core/first-frame';

const builtPage = [
  '<!doctype html>',
  '<html lang="de">',
  '  <head><title>Nahtstelle</title></head>',
  '  <body>',
  '    <div id="root"></div>',
  '    <script type="module" src="./assets/index.js"></script>',
  '  </body>',
  '</html>',
].join('\n');

const frame = (html: string, over: Partial<FirstFrame> = {}): FirstFrame => ({ html, language: 'en', shownTheme: 'dark', windowZoom: 1, ...over });

describe('pageWithFirstFrame', () => {
  it('puts the frame into the root, marks the root inert, and names the language and theme on <html>', () => {
    const page = pageWithFirstFrame(builtPage, frame('<div class="app">Board</div>'));
    expect(page).toBe(
      builtPage
        .replace('<html lang="de">', '<html lang="en" data-theme="dark">')
        .replace('<div id="root"></div>', '<div id="root" inert><div class="app">Board</div></div>')
        .replace('<script type="module" ', '<script type="module" fetchpriority="low" '),
    );
  });

  it('gives the root the window zoom as a number the page’s CSS reads, and nothing at 100 %', () => {
    expect(pageWithFirstFrame(builtPage, frame('<p>Board</p>', { windowZoom: 0.9 }))).toContain(
      '<div id="root" inert data-window-zoom="0.9"><p>Board</p></div>',
    );
    expect(pageWithFirstFrame(builtPage, frame('<p>Board</p>', { windowZoom: 1 }))).toContain('<div id="root" inert><p>Board</p></div>');
    expect(pageWithFirstFrame(builtPage, frame('<p>Board</p>', { windowZoom: Number.NaN }))).toContain('<div id="root" inert><p>Board</p></div>');
  });

  it('leaves out the app chunk’s preload and fetches the page’s entry at low priority: the app’s code comes after the frame', () => {
    const built = builtPage.replace('</head>', '<link rel="modulepreload" crossorigin href="./assets/main-abc.js">\n</head>');
    const page = pageWithFirstFrame(built, frame('<p>Board</p>')) ?? '';
    expect(page).not.toContain('modulepreload');
    expect(page).toContain('<script type="module" fetchpriority="low" src="./assets/index.js"></script>');
    expect(page).toContain('</head>');
  });

  it.each(['$&', "$'", '$`', '$1', '$$'])('keeps %s in the frame as it is (no replacement pattern)', (pattern) => {
    const page = pageWithFirstFrame(builtPage, frame(`<h1>Price ${pattern} list</h1>`)) ?? '';
    expect(page).toContain(`<div id="root" inert><h1>Price ${pattern} list</h1></div>`);
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page.endsWith('</html>')).toBe(true);
  });

  it.each([
    ['no empty root', builtPage.replace('<div id="root"></div>', '<div id="root">x</div>')],
    ['no <html> tag', builtPage.replace('<html lang="de">', '')],
    ['the root before <html>', '<div id="root"></div><html lang="de"></html>'],
  ])('is null for a page with %s: that page is served as it is', (_case, page) => {
    expect(pageWithFirstFrame(page, frame('<p>Board</p>'))).toBeNull();
  });
});
