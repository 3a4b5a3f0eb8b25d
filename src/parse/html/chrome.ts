/**
 * HTML stage: what a page holds that is never newsletter text, removed by its kind, as every
 * browser and mail client would not show it:
 *
 * - elements that are not text: the head, scripts and styles, templates, embedded documents and
 *   graphics (`iframe`, `object`, `embed`, `svg`, `canvas`), navigation, forms and their controls;
 * - text hidden from readers: the `hidden` attribute, `display:none`, `visibility:hidden`,
 *   `mso-hide:all` (Outlook), `opacity:0`, `max-height:0` with `overflow:hidden` (the ways an
 *   email hides its preheader: the line a mail client shows beside the subject);
 * - tracking pixels: an image 1x1 or smaller, or hidden by its style;
 * - Word's empty `<o:p>` paragraph marks and other namespaced Office tags, read as their content.
 */
import { type Edit, styleOf } from './nodes.ts';
import type { HtmlElement } from './tree.ts';

/** Elements that are never newsletter text. */
export const CHROME = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'svg',
  'canvas',
  'nav',
  'form',
  'button',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'meta',
  'link',
  'base',
  'area',
  'map',
  'source',
  'track',
  'param',
]);

const HIDDEN_STYLE = /(?:^|;)(?:display:none|visibility:hidden|mso-hide:all|opacity:0(?:\.0+)?(?:;|$))/;
const COLLAPSED = /(?:^|;)max-height:0(?:px|pt|em)?(?:;|$|!)/;
const OVERFLOW_HIDDEN = /(?:^|;)overflow:hidden/;

/** True for an element a reader never sees. */
export function isHidden(element: HtmlElement): boolean {
  if (element.attrs.hidden !== undefined) return true;
  const style = styleOf(element);
  if (style === '') return false;
  if (HIDDEN_STYLE.test(style)) return true;
  // A preheader squeezed to nothing and cut off: `max-height:0;overflow:hidden`.
  return COLLAPSED.test(style) && OVERFLOW_HIDDEN.test(style);
}

/** Pixel size from `width="1"`, `width:1px`; null when not given. */
function size(element: HtmlElement, key: 'width' | 'height'): number | null {
  const attr = element.attrs[key];
  const fromAttr = attr !== undefined ? Number.parseFloat(attr) : Number.NaN;
  if (Number.isFinite(fromAttr)) return fromAttr;
  const m = new RegExp(`(?:^|;)${key}:(\\d+(?:\\.\\d+)?)px`).exec(styleOf(element));
  return m ? Number(m[1]) : null;
}

/** A tracking pixel: an image at most 2 pixels wide or high (the ones mail platforms count opens with). */
export function isPixel(element: HtmlElement): boolean {
  if (element.name !== 'img') return false;
  const w = size(element, 'width');
  const h = size(element, 'height');
  return (w !== null && w <= 2) || (h !== null && h <= 2);
}

/** Removes chrome, hidden text and pixels; namespaced Office tags (`o:p`, `st1:place`) are read as their content. */
export const dropChrome: Edit = (element) => {
  if (CHROME.has(element.name) || element.attrs.role === 'navigation') return null;
  if (isHidden(element) || isPixel(element)) return null;
  if (element.name.includes(':')) return element.children;
  return element;
};
