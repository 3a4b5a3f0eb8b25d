/**
 * Made-up newsletter prose: titles, author lists and summary sentences in the register of the
 * newsletter, from small word lists. Used when the real database is not at hand. It has the real
 * archive's hard cases: authors that are organisations, forum user names, initials, long lists with
 * particles and asterisks; titles with parentheses and full stops; sentences that start with a
 * section heading's word (followed by a lower-case word, as in prose: `Forecasting progress is ...`;
 * a heading is followed by a title, which starts with a capital).
 */
import type { Rng } from './prng.ts';

const FIRST = [
  'Rohin',
  'Paul',
  'Evan',
  'Jessica',
  'Stuart',
  'Victoria',
  'Dylan',
  'Jan',
  'Chris',
  'Katja',
  'Richard',
  'Abram',
  'Scott',
  'Andrew',
  'Ramana',
  'Vika',
  'Tom',
  'Ajeya',
  'Buck',
  'Daniel',
  'Adrià',
  'Zoë',
  'Miljan',
  'Shibani',
  'Jesse',
  'Lilian',
  'Henry',
  'Chelsea',
  'Sergey',
  'Pieter',
];
const LAST = [
  'Shah',
  'Christiano',
  'Hubinger',
  'Taylor',
  'Armstrong',
  'Krakovna',
  'Hadfield-Menell',
  'Leike',
  'Olah',
  'Grace',
  'Ngo',
  'Demski',
  'Garrabrant',
  'Critch',
  'Kumar',
  'Everitt',
  'Cotra',
  'Shlegeris',
  'Kokotajlo',
  'Puigdomènech Badia',
  'Kenton',
  'Martic',
  'Santurkar',
  'Mu',
  'Weng',
  'Lin',
  'Finn',
  'Levine',
  'Abbeel',
  "O'Keefe",
];
export const SUMMARIZERS = [
  'Rohin',
  'Rohin',
  'Rohin',
  'Richard',
  'Flo',
  'Zach',
  'Asya',
  'Nicholas',
  'Cody',
  'Dan H',
  'Robert',
  'Sudhanshu',
  'Matthew',
];

const ADJ = [
  'robust',
  'scalable',
  'interpretable',
  'corrigible',
  'myopic',
  'adversarial',
  'inverse',
  'hierarchical',
  'cooperative',
  'conservative',
  'calibrated',
  'compositional',
  'impact-regularized',
  'model-based',
  'offline',
  'decentralized',
];
const NOUN = [
  'reward models',
  'agents',
  'language models',
  'value functions',
  'policies',
  'world models',
  'preferences',
  'oversight',
  'debate',
  'amplification',
  'feature visualizations',
  'mesa-optimizers',
  'side effects',
  'distributional shift',
  'reward hacking',
  'human feedback',
  'counterfactuals',
  'logical uncertainty',
  'embedded agents',
  'transformers',
  'gradient descent',
  'inductive biases',
];
const VERB = ['learns', 'generalizes', 'fails', 'improves', 'degrades', 'scales', 'transfers', 'overfits', 'converges', 'breaks down'];
const METHOD = [
  'the authors',
  'this paper',
  'the post',
  'the proposed method',
  'their agent',
  'the baseline',
  'a small transformer',
  'the reward model',
  'the overseer',
  'this approach',
];
const TASK = [
  'Atari games',
  'MuJoCo locomotion',
  'gridworlds',
  'summarization',
  'ImageNet',
  'CIFAR-10',
  'Procgen',
  'a negotiation game',
  'StarCraft II',
  'robotic grasping',
  'text-based games',
  'chess',
];

const TEMPLATES: ((r: Rng) => string)[] = [
  (r) =>
    `${cap(r.pick(METHOD))} ${r.pick(VERB)} on ${r.pick(TASK)} when trained with ${r.pick(ADJ)} ${r.pick(NOUN)}, but only when the training distribution covers the test cases.`,
  (r) =>
    `The key idea is that ${r.pick(ADJ)} ${r.pick(NOUN)} can be decomposed into simpler questions, each of which a human can answer in a few minutes.`,
  (r) =>
    `In experiments on ${r.pick(TASK)}, ${r.pick(METHOD)} outperforms prior work by ${r.int(3, 40)}% while using ${r.int(2, 10)}x less compute.`,
  (r) =>
    `One worry is that ${r.pick(NOUN)} could look aligned during training and then behave differently once deployed, a failure that ${r.pick(METHOD)} tries to rule out.`,
  (r) =>
    `They formalize ${r.pick(NOUN)} as a ${r.pick(['Markov decision process', 'partially observable game', 'Bayesian inference problem', 'causal graph', 'two-player zero-sum game'])}, which lets them prove that ${r.pick(ADJ)} ${r.pick(NOUN)} exist under mild assumptions.`,
  (r) =>
    `This matters because ${r.pick(NOUN)} are hard to specify by hand: the designer usually knows what they want only in the cases they have already thought about.`,
  (r) =>
    `The results suggest that ${r.pick(ADJ)} ${r.pick(NOUN)} become ${r.pick(['more', 'less'])} reliable as models grow, with a clear trend over ${r.int(3, 9)} orders of magnitude of parameters.`,
  (r) =>
    `Notably, ${r.pick(METHOD)} ${r.pick(VERB)} when the ${r.pick(NOUN)} are noisy, which is the setting we should expect when humans provide the ${r.pick(['labels', 'comparisons', 'demonstrations', 'corrections'])}.`,
  (r) =>
    `A simpler ablation that removes the ${r.pick(ADJ)} component does about as well on ${r.pick(TASK)}, so it is not clear how much of the gain comes from the main idea.`,
  (r) =>
    `You might think that ${r.pick(NOUN)} are just a special case of ${r.pick(NOUN)}; the post argues that the two come apart in exactly the cases we care about.`,
  // Sentences that start with a section heading's word.
  (r) =>
    `${r.pick(['Interpretability', 'Forecasting', 'Robustness', 'Verification', 'Exploration', 'News'])} ${r.pick(['research', 'work', 'progress'])} on ${r.pick(TASK)} is ${r.pick(['moving fast', 'still rare', 'hard to judge'])}, and ${r.pick(METHOD)} is a good example.`,
];

const OPINION: ((r: Rng) => string)[] = [
  (r) => `I like this work because it makes ${r.pick(ADJ)} ${r.pick(NOUN)} concrete enough to test.`,
  (r) => `I'm not sure the results will hold for larger models, since ${r.pick(NOUN)} tend to change qualitatively with scale.`,
  (r) => `This seems like a useful step, though I would have liked to see a comparison against ${r.pick(ADJ)} ${r.pick(NOUN)}.`,
  (r) => `I broadly agree with the framing, and I think it clarifies what ${r.pick(METHOD)} is actually claiming.`,
  (r) => `My main disagreement is about how much this tells us about ${r.pick(NOUN)} in systems much more capable than today's.`,
];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function personName(r: Rng): string {
  return `${r.pick(FIRST)} ${r.pick(LAST)}`;
}

const ORGANISATIONS = [
  'OpenAI',
  'Chatham House',
  'The AlphaStar team',
  'Many people at OpenAI',
  'DeepMind Safety Research',
  'The Partnership on AI',
];
/** Forum user names, as the forum prints them. */
export const USER_NAMES = ['William_S', 'zhukeepa', 'TurnTrout', 'cousin_it', 'evhub', 'Douglas_Reay', 'jessicata'];
const INITIALS = ['W.', 'B.', 'J.', 'M.', 'A. A.'];
const PARTICLES = ['van', 'de', 'von', 'da'];

/** A name with a middle initial: `Peter W. Battaglia`, `S. M. Ali Eslami`. */
function initialled(r: Rng): string {
  return r.chance(0.3) ? `${r.pick(['S. M.', 'J. B.'])} ${personName(r)}` : `${r.pick(FIRST)} ${r.pick(INITIALS)} ${r.pick(LAST)}`;
}

/** Twelve to twenty-five names, some with initials, particles or the asterisk of equal contribution. */
function longList(r: Rng): string {
  const names = Array.from({ length: r.int(12, 25) }, (_, i) => {
    const name = r.chance(0.2) ? initialled(r) : r.chance(0.1) ? `${r.pick(FIRST)} ${r.pick(PARTICLES)} ${r.pick(LAST)}` : personName(r);
    return i < 3 && r.chance(0.3) ? `${name}*` : name;
  });
  return names.join(', ');
}

/** `Jesse Mu et al`, `Paul Christiano`, `Stuart Armstrong and Rohin Shah`, and the harder ones. */
export function authorList(r: Rng): string {
  switch (r.int(0, 9)) {
    case 0:
      return r.pick(ORGANISATIONS);
    case 1:
      return r.pick(USER_NAMES);
    case 2:
      return r.chance(0.5) ? `${initialled(r)} et al` : initialled(r);
    case 3:
      return r.chance(0.7) ? longList(r) : `${personName(r)}*, ${personName(r)}*, ${personName(r)}`;
    case 4:
    case 5:
      return personName(r);
    case 6:
      return `${personName(r)} and ${personName(r)}`;
    default:
      return `${personName(r)} et al`;
  }
}

/** Names beyond doubt (two or more names, or `et al`): a "see also" header in a run of them needs nothing else to end. */
export function certainAuthorList(r: Rng): string {
  return r.chance(0.5) ? `${personName(r)} et al` : r.chance(0.5) ? `${personName(r)} and ${personName(r)}` : personName(r);
}

/** A paper-like title; may contain `:`, `?`, `&` or quotes, as real titles do. */
export function paperTitle(r: Rng): string {
  const a = cap(r.pick(ADJ));
  const n = r.pick(NOUN);
  switch (r.int(0, 7)) {
    case 0:
      return `${a} ${cap(n)} via ${cap(r.pick(NOUN))}`;
    case 1:
      return `Learning ${cap(n)} from ${cap(r.pick(NOUN))}`;
    case 2:
      return `${r.pick(['DEBATE', 'ReLeaSE', 'AMP', 'CoRL', 'SAFE', 'LCA'])}: ${a} ${cap(n)} for ${r.pick(TASK)}`;
    case 3:
      return `Why do ${n} ${r.pick(VERB).replace(/s$/, '').replace(/ie$/, 'y')}?`;
    case 4:
      return `${a} ${cap(n)} & ${cap(r.pick(NOUN))}`;
    case 5:
      return `Towards "${a}" ${cap(n)}`;
    case 6:
      // Parentheses and full stops inside titles: `Robust Agents (RA)`, `... v2.0`, `Is ...? Mostly.`
      return r.pick([
        `${a} ${cap(n)} (${r.pick(['RA', 'SIL', 'TCAV'])})`,
        `The Pursuit of (${a}) ${cap(n)}`,
        `${a} ${cap(n)} v2.0`,
        `Are ${n.split(' ').map(cap).join(' ')} ${a}? Mostly not.`,
      ]);
    default:
      return `On the ${cap(r.pick(NOUN))} of ${a} ${cap(n)}`;
  }
}

/** A title in Title Case with no parenthetical: a job post, an event or a news item (`Research Engineer, Safety`). */
export function noticeTitle(r: Rng): string {
  const topic = r.pick(NOUN).split(' ').map(cap).join(' ');
  return r.pick([
    `Research Engineer, ${cap(r.pick(ADJ))} Systems`,
    `${cap(r.pick(ADJ))} AI Workshop in Prague`,
    `Summer Fellowship in ${topic}`,
    `${topic} Prize Round Two`,
  ]);
}

/** A paragraph of `sentences` made-up sentences; sometimes with an `(AN #N)` reference to an earlier issue. */
export function paragraph(r: Rng, sentences: number, cite: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    let s = r.pick(TEMPLATES)(r);
    const n = cite[0];
    if (n !== undefined && r.chance(0.12)) {
      cite.shift();
      s = s.replace(/\.$/, ` (see [this earlier summary](https://example.org/an-${n}) (AN #${n})).`);
    } else if (r.chance(0.1)) {
      s = s.replace(
        /\.$/,
        `, as described in [the paper](https://arxiv.org/abs/${r.int(1700, 2112)}.${String(r.int(1, 99999)).padStart(5, '0')}).`,
      );
    } else if (r.chance(0.08)) {
      s = s.replace(/ (\S+)\.$/, ' **$1**.');
    }
    out.push(s);
  }
  return out.join(' ');
}

export function opinionParagraph(r: Rng, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(r.pick(OPINION)(r));
  return out.join(' ');
}

const COMMENTS = [
  'Thanks for the summary! I think the second point is underrated.',
  "I'm confused about the claim in the highlight; doesn't it assume the overseer is already aligned?",
  'Yup, I generally agree with this.',
  'Is there a longer write-up of the experiments somewhere?',
  'The composition paper seems to exemplify my intuition for how these models work.',
];

export function readerComment(r: Rng): string {
  return r.pick(COMMENTS);
}

const NOTES = [
  'Cody Wild is now contributing summaries to the newsletter!',
  'This newsletter is a week late because of a conference deadline; apologies.',
  'We are hiring a part-time summarizer; reply to this email if you are interested.',
  'This is a special edition with only one highlight, summarized at length.',
];

export function issueNote(r: Rng): string {
  return r.pick(NOTES);
}
