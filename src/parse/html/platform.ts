/**
 * HTML stage: what blog and mail platforms wrap around a post, removed by the names platforms
 * give it. An element whose class or id holds one of these words (whole, between hyphens or
 * underscores: `comments-section`, `subscription-widget`, `post-footer`, `share_buttons`) is
 * furniture: reader comments, subscribe and share widgets, footers, sidebars, related posts,
 * paywalls, cookie banners, a site's menus and a post's byline (`post-meta`). So is a `<footer>` element. A saved Substack-like post keeps its
 * post, without the comments and the site footer after it.
 */
import { type Edit, namesOf } from './nodes.ts';

const FURNITURE = new Set([
  'comment',
  'comments',
  'subscribe',
  'subscription',
  'subscriptions',
  'signup',
  'share',
  'sharing',
  'social',
  'footer',
  'sidebar',
  'related',
  'recommendations',
  'paywall',
  'cookie',
  'cookies',
  'banner',
  'advert',
  'advertisement',
  'promo',
  'popup',
  'modal',
  'menu',
  'navbar',
  'nav',
  'navigation',
  'topbar',
  'toolbar',
  'masthead',
  'breadcrumb',
  'breadcrumbs',
  'byline',
]);

/** Whole class names of a post's byline (its author and date, read from the head already). */
const BYLINE = /(?:^|\s)(?:post|entry|article)-meta(?:\s|$)/;

/** True when an element's class or id names platform furniture. */
export function isFurniture(names: string): boolean {
  if (names === '') return false;
  if (BYLINE.test(names)) return true;
  for (const word of names.split(/[^a-z0-9]+/)) if (FURNITURE.has(word)) return true;
  return false;
}

export const dropFurniture: Edit = (element) => {
  if (element.name === 'footer') return null;
  return isFurniture(namesOf(element)) ? null : element;
};
