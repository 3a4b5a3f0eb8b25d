/**
 * Old addresses of people pages, kept working. A person's page slug comes from the name the
 * archive settled on, so it moves when the content does: `/summarizers/ada/` becomes
 * `/summarizers/ada-shah/` once people.yml makes `Ada` an alias of `Ada Shah`, or once an
 * issue names the full name (the first-name rule). Every spelling that names a person (an alias,
 * a name as an issue writes it) is an address a reader may have shared: where its own slug is not
 * the person's page slug, a small page at the old address sends the reader on.
 *
 * Never over a page: an old address that is any page's real address (someone else's page, any
 * other file the site writes) gets no redirect, and neither does one that spellings of two people
 * would share, since it cannot tell whom a link meant (people.yml gives each spelling to one
 * person, so this only guards the rule). An author page moves only when people.yml makes its name
 * an alias of a person (`Alexander Turner` of `Alex Turner`): its old address, where the archive
 * lists that spelling, sends the reader to the person's author page. Pure.
 */
import { type Person, personSlug } from '../../merge/people.ts';
import { addressOf, type PageAddress, routes } from '../routes.ts';

/** A page at an old address that sends the reader to the page now there. */
export interface RedirectView extends PageAddress {
  /** `Ada Shah (moved)`. */
  pageTitle: string;
  /** The page it moved to: its name, its link inside the site and its absolute URL. */
  to: { label: string; href: string; canonical: string };
  /** What the old address was, for messages naming a page's input; absent: an old spelling of a person's name. */
  source?: string;
}

export interface RedirectInput {
  /** Everyone the archive knows, each with every spelling that names them (createPeople's `all`). */
  people: readonly Pick<Person, 'slug' | 'names'>[];
  /** The people pages the site writes: a person without one gets no redirect. */
  pages: readonly (PageAddress & { slug: string; name: string })[];
  /** Every path another page or file of the site is written at: a redirect never takes one. */
  taken: ReadonlySet<string>;
  siteUrl: string;
}

/** One redirect per old address of a person's page, by path (code point order). */
export function personRedirects({ people, pages, taken, siteUrl }: RedirectInput): RedirectView[] {
  const pageOf = new Map(pages.map((page) => [page.slug, page]));
  /** Old slug -> the page slugs of the people one of whose spellings has it. */
  const claims = new Map<string, Set<string>>();
  for (const person of people) {
    if (!pageOf.has(person.slug)) continue;
    for (const name of person.names) {
      const old = personSlug(name);
      if (old === person.slug) continue;
      const owners = claims.get(old) ?? new Set<string>();
      owners.add(person.slug);
      claims.set(old, owners);
    }
  }
  const redirects: RedirectView[] = [];
  for (const [old, owners] of claims) {
    const path = routes.person(old);
    if (owners.size !== 1 || pageOf.has(old) || taken.has(path)) continue;
    const page = pageOf.get([...owners][0]!)!;
    redirects.push({
      ...addressOf(path, siteUrl),
      pageTitle: `${page.name} (moved)`,
      to: { label: page.name, href: page.href, canonical: page.canonical },
    });
  }
  return redirects.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export interface AuthorRedirectInput {
  /** Each alias's author slug with the page it now leads to (`Names.authorAliases`). */
  aliases: ReadonlyMap<string, { slug: string }>;
  /** The author slugs the archive's names have as written: the addresses an author page had. */
  written: ReadonlySet<string>;
  /** The author pages the site writes. */
  pages: readonly (PageAddress & { slug: string; name: string })[];
  taken: ReadonlySet<string>;
  siteUrl: string;
}

/** One redirect per old address of an author page (an alias's own slug, where the archive names that spelling), by path. */
export function authorRedirects({ aliases, written, pages, taken, siteUrl }: AuthorRedirectInput): RedirectView[] {
  const pageOf = new Map(pages.map((page) => [page.slug, page]));
  const out: RedirectView[] = [];
  for (const [old, alias] of aliases) {
    const page = pageOf.get(alias.slug);
    const path = routes.author(old);
    if (page === undefined || !written.has(old) || pageOf.has(old) || taken.has(path)) continue;
    out.push({
      ...addressOf(path, siteUrl),
      pageTitle: `${page.name} (moved)`,
      to: { label: page.name, href: page.href, canonical: page.canonical },
    });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
