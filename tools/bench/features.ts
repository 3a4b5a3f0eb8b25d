/**
 * What the features beyond the newsletter's text add to a build: the site data (`collectSite` on
 * the parsed archive, each run from nothing kept, as a full build) with every feature off and
 * with all on, CPU time, best of `runs`; and each feature's engine alone on the same summaries
 * (`measureEngines`: related summaries, charts, BibTeX, topic feeds). Eleventy's writing of the
 * pages and files they add is in the full build's time; the rebuild after one edit has them all on.
 */
import type { Issue } from '../../src/records/types.ts';
import type { Category } from '../../src/records/categories.ts';
import { collectSite, type SiteSettings } from '../../src/site.ts';
import { ALL_FEATURES, type Features } from '../../src/site/features.ts';
import { type EngineResult, measureEngines } from './engines.ts';

export interface FeatureCost {
  /** CPU ms of the site data with every feature off, and with all on. */
  offMs: number;
  onMs: number;
  /** Each engine on every summary of the archive (CPU ms, best of 2 after a first run). */
  engines: EngineResult;
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
  // One run first with everything on, so that neither is timed while V8 is still compiling the code.
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
  const summaries = issues.reduce((n, issue) => n + issue.entries.length, 0);
  return { offMs: best(NONE), onMs: best(ALL_FEATURES), engines: measureEngines(issues, summaries) };
}
