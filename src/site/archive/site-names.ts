/**
 * How the archive shows people, categories and authors: each one's key, and the spelling it is
 * shown with, decided after one pass over every entry; the links to their pages.
 */
import { splitAuthors } from '../../merge/author-names.ts';
import { foldName, nameAsShown } from '../../records/names.ts';
import type { People, Person } from '../../merge/people.ts';
import type { Issue } from '../../records/types.ts';
import type { LinkView } from './entry.ts';
import { factsOf } from './entry-facts.ts';
import { categorySlug, Spellings } from '../text/names.ts';
import type { SiteReuse } from '../reuse.ts';
import { addressOf, routes } from '../routes.ts';

/** People, categories and authors as shown: keys first, the display spelling decided after one pass over every entry. */
export interface Names {
  person: Spellings;
  category: Spellings;
  author: Spellings;
  /** The page key of a summarizer or opinion author as written (people.yml and the first-name rule applied). */
  personKeyOf: (name: string) => string;
  personLink: (key: string) => LinkView;
  categoryLinkBySlug: (slug: string) => LinkView;
  /** A category's link by label (slugged again). */
  categoryLink: (label: string) => LinkView;
  authorLink: (slug: string) => LinkView;
  /** An author's page slug from the slug of their name as written: people.yml's canonical name's, for an alias. */
  authorSlugOf: (slug: string) => string;
  /** Each alias's author slug, with its person's: the author pages' old addresses. */
  authorAliases: ReadonlyMap<string, AuthorAlias>;
  /** An author's family name (`van der Maaten`; an organisation's whole name), to sort by. */
  authorSurname: (slug: string) => string;
  /** The slug of the highlight section (`highlights`): every highlight is listed there as well as under its topic. */
  highlightsSlug: string;
}

/** The author page a spelling of a people.yml person leads to. */
export interface AuthorAlias {
  slug: string;
  name: string;
  surname: string;
}

/**
 * For every person people.yml declares, each of their spellings' author slugs with the canonical
 * name's (`alexander-turner` and `turntrout` -> `alex-turner`). Only people.yml: the first-name
 * rules are about how issues credit summarizers, not how papers list authors.
 */
export function authorAliasesOf(people: readonly Person[]): Map<string, AuthorAlias> {
  const out = new Map<string, AuthorAlias>();
  for (const person of people) {
    if (!person.declared) continue;
    const [canonical] = splitAuthors(person.name).names;
    if (canonical === undefined) continue;
    for (const spelling of person.names) {
      for (const name of splitAuthors(spelling).names) {
        if (name.slug !== canonical.slug && !out.has(name.slug))
          out.set(name.slug, { slug: canonical.slug, name: canonical.name, surname: canonical.surname });
      }
    }
  }
  return out;
}

export function namesOf(
  issues: readonly Issue[],
  input: { reuse: SiteReuse; siteUrl: string; people: People; highlightsLabel: string },
): Names {
  const { reuse, siteUrl, people, highlightsLabel } = input;
  const spellings = new Spellings();
  const category = new Spellings();
  const author = new Spellings();
  const surnames = new Map<string, string>();
  // people.yml names authors too: an alias's author page is its person's (`Alexander Turner` is `Alex Turner`).
  const authorAliases = authorAliasesOf(people.all);
  for (const { slug, name } of authorAliases.values()) author.prefer(slug, name);
  const authorSlugOf = (slug: string): string => authorAliases.get(slug)?.slug ?? slug;
  /** Each name as written: its person's key, and the spelling it counts as (null: a short form, which never names the person). */
  const resolved = new Map<string, { key: string; spelling: string | null }>();
  const resolve = (written: string): { key: string; spelling: string | null } => {
    let found = resolved.get(written);
    if (found === undefined) {
      const shown = nameAsShown(written);
      const person = people.resolve(shown);
      // A canonical name from people.yml is shown as given; otherwise the person's most frequent
      // spelling of their own name (`Ada Shah` over `ada shah`), never a short form of it
      // (`Ada`, resolved to the one Ada Shah by the first-name rule), which names them last.
      if (person.declared) spellings.prefer(person.slug, person.name);
      else if (foldName(shown) !== person.key) spellings.fallback(person.slug, person.name);
      found = { key: person.slug, spelling: foldName(shown) === person.key ? shown : null };
      resolved.set(written, found);
    }
    return found;
  };
  const personKeyOf = (written: string): string => resolve(written).key;
  const slugOf = (label: string): string => reuse.categorySlugs.get(label, () => categorySlug(label));
  const highlightsSlug = slugOf(highlightsLabel);
  let anyHighlight = false;
  for (const issue of issues) {
    for (const entry of issue.entries) {
      const facts = factsOf(entry, reuse);
      for (const name of [...entry.summarizers, ...entry.opinions.map((o) => o.by)]) {
        const { key, spelling } = resolve(name);
        if (spelling !== null) spellings.add(key, spelling);
      }
      facts.paper.topic.forEach((label, i) => {
        category.add(facts.categorySlugs[i]!, label.trim());
      });
      if (facts.paper.highlight) anyHighlight = true;
      for (const a of facts.paper.authors) {
        const slug = authorSlugOf(a.slug);
        author.add(slug, a.name);
        if (!surnames.has(slug)) surnames.set(slug, authorAliases.get(a.slug)?.surname ?? a.surname);
      }
    }
  }
  if (anyHighlight) category.add(highlightsSlug, highlightsLabel);
  const categoryLinkBySlug = (slug: string): LinkView => ({
    label: category.best(slug),
    href: addressOf(routes.category(slug), siteUrl).href,
  });
  return {
    person: spellings,
    category,
    author,
    personKeyOf,
    personLink: (key) => ({ label: spellings.best(key), href: addressOf(routes.person(key), siteUrl).href }),
    categoryLinkBySlug,
    categoryLink: (label) => categoryLinkBySlug(slugOf(label)),
    authorSlugOf,
    authorLink: (slug) => {
      const key = authorSlugOf(slug);
      return { label: author.best(key), href: addressOf(routes.author(key), siteUrl).href };
    },
    authorSurname: (slug) => surnames.get(slug) ?? slug,
    authorAliases,
    highlightsSlug,
  };
}
