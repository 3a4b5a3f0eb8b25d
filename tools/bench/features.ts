/**
 * What the features beyond the newsletter's text add to a build's site data: `collectSite` on the
 * parsed archive with every feature off, with each one alone on, and with all on (CPU time, best
 * of `runs`, each run from nothing kept, as a full build). Eleventy's writing of the pages and
 * files they add is in the full build's time; the rebuild after one edit has them all on.
 */
import type { Issue } from '../../src/records/types.ts';
import { collectSite, type SiteSettings } from '../../src/site.ts';
import type { Category } from '../../src/records/categories.ts';
import { ALL_FEATURES, FEATURE_NAMES, type Features } from '../../src/site/features.ts';

export interface FeatureCost {
  /** CPU ms of the site data with every feature off, and with all on. */
  offMs: number;
  onMs: number;
  /** CPU ms each feature adds alone (on minus off). */
  added: Record<(typeof FEATURE_NAMES)[number], number>;
}

const SETTINGS: SiteSettings = { title: 'Bench', description: 'd', url: 'https://bench.example/', language: 'en', pathPrefix: '/' };
const NONE: Features = { related: false, cite: false, topicFeeds: false, stats: false, darkMode: false };

function cpu(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

export function measureFeatureCost(issues: Issue[], vocabulary: Category[], runs = 3): FeatureCost {
  // One run first with everything on, so that no configuration is timed while V8 is still compiling the code.
  collectSite(issues, { settings: SETTINGS, vocabulary, features: ALL_FEATURES });
  const best = (features: Features): number => {
    let ms = Infinity;
    for (let i = 0; i < runs; i++)
      ms = Math.min(
        ms,
        cpu(() => collectSite(issues, { settings: SETTINGS, vocabulary, features })),
      );
    return ms;
  };
  const offMs = best(NONE);
  const added = Object.fromEntries(
    FEATURE_NAMES.map((name) => [name, Math.max(0, best({ ...NONE, [name]: true }) - offMs)]),
  ) as FeatureCost['added'];
  return { offMs, onMs: best(ALL_FEATURES), added };
}
