/**
 * A hand-made archive for related summaries: ten summaries on distinct topics (so that word
 * frequencies mean something), a summary on mesa optimization, its near-duplicate in a later
 * issue, and a summary on bees that is related to nothing. As issue files (line-based text, as a
 * reader copies an issue) for build tests, with the titles the tests look for.
 */

export const MESA = 'Inner optimizers that pursue their own objective';
export const MESA_AGAIN = 'Learned optimizers pursuing an objective of their own';
export const BEES = 'Pollination and crop yields';

const BACKGROUND: [string, string][] = [
  ['Engines that play board games', 'A search procedure explores moves in chess and go, pruning the tree with a learned value function.'],
  [
    'Folding proteins from sequence',
    'Amino acid chains are mapped to three dimensional structures; the predicted distances between residues beat earlier methods.',
  ],
  [
    'Forecasting tournaments',
    'Superforecasters were asked about geopolitical events; aggregated probabilities were better calibrated than pundits.',
  ],
  [
    'Trends in training compute',
    'The floating point operations used for the largest runs doubled every few months over a decade of hardware.',
  ],
  [
    'Export controls on chips',
    'Governments restricted the sale of accelerators, and the essay discusses what that means for semiconductor supply chains.',
  ],
  [
    'Grasping with a robot hand',
    'A dexterous manipulator learns to rotate a cube in simulation with domain randomization, then transfers to hardware.',
  ],
  [
    'Automation and wages',
    'Economists model how automating tasks shifts labour income, with a growth model where capital substitutes for workers.',
  ],
  [
    'Texture bias in image classifiers',
    'Convolutional networks rely on texture more than shape; stylized training images push them towards shape.',
  ],
  [
    'Debate as a training signal',
    'Two agents argue before a judge, and honest arguments should win when lying is easier to refute than to defend.',
  ],
  ['Circuits in vision models', 'Individual neurons detect curves, and the weights between them can be read as small algorithms.'],
];

const MESA_TEXT =
  'When gradient descent finds a model that itself runs an optimization procedure, that mesa optimizer may pursue a mesa objective differing from the base objective. Deceptive alignment is the worry that such a learned optimizer behaves well during training only to defect once deployed.';
const MESA_AGAIN_TEXT =
  'If gradient descent produces a learned model that runs its own optimization, the mesa optimizer can pursue a mesa objective unlike the base objective; deceptive alignment means it behaves during training and defects once deployed.';
const BEES_TEXT =
  'Honeybee colonies collapsed in several regions; orchards that rented hives saw almond harvests fall, and farmers planted wildflower strips.';

/** One issue file in the line-based layout. */
function issueFile(number: number, date: string, entries: [string, string, string][]): string {
  const body = entries.map(([title, authors, text]) => `${title} (${authors}) (summarized by Rohin): ${text}`).join('\n\n');
  return `---\nnumber: ${number}\ndate: ${date}\n---\nTECHNICAL AI ALIGNMENT\n\n${body}\n`;
}

/** The archive as issue files: name -> text. The near-duplicate is in the last issue, by other authors. */
export function relatedArchiveFiles(): Record<string, string> {
  const background = BACKGROUND.map(([title, text], i): [string, string, string] => [title, `Author Number${i}`, text]);
  return {
    'an-001.txt': issueFile(1, '2019-01-07', [...background.slice(0, 5), [MESA, 'Evan Hubinger', MESA_TEXT]]),
    'an-002.txt': issueFile(2, '2019-01-14', [...background.slice(5), [BEES, 'Mira Holt', BEES_TEXT]]),
    'an-003.txt': issueFile(3, '2019-01-21', [[MESA_AGAIN, 'Chris van Merwijk', MESA_AGAIN_TEXT]]),
  };
}
