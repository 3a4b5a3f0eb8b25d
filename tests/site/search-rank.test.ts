import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeWords, textWeight, titleMentions } from '../../src/site/engines/search-rank.ts';

const text = (title: string, body: string) => ({ title: normalizeWords(title), text: normalizeWords(body) });

test('words are compared without case or punctuation', () => {
  assert.equal(normalizeWords('Clarifying “AI Alignment”: a post-mortem'), 'clarifying ai alignment a post mortem');
});

test('a title is counted once per text that mentions it as whole words, never in its own text', () => {
  const titles = ['ai safety via debate', 'the alignment problem from a deep learning perspective'].map(normalizeWords);
  const counts = titleMentions(titles, [
    text('AI safety via debate', 'We propose AI safety via debate. AI safety via debate is a game.'),
    text('Follow-up', 'Unlike AI Safety via Debate, and again AI safety via debate.'),
    text('Another', 'Mentions ai safety via debates, plural: another word, not the title.'),
    text('Third', 'Cites [AI safety via debate](https://arxiv.org/abs/1805.00899).'),
  ]);
  assert.equal(counts.get('ai safety via debate'), 2);
  assert.equal(counts.get(normalizeWords('the alignment problem from a deep learning perspective')), undefined);
});

test('titles of fewer than three words are not counted: they are everyday phrases', () => {
  const counts = titleMentions(['inner alignment'], [text('Other', 'inner alignment is hard')]);
  assert.equal(counts.size, 0);
});

test('among thousands of titles, each mention in a long text is found', () => {
  const titles = Array.from({ length: 2000 }, (_, i) => `paper number ${i} about things`);
  const body = Array.from({ length: 20_000 }, (_, i) => `word${i % 97}`).join(' ');
  const texts = Array.from({ length: 50 }, (_, i) => ({ title: `t${i}`, text: `${body} paper number ${i} about things` }));
  const counts = titleMentions(titles, texts);
  assert.equal(counts.get('paper number 7 about things'), 1);
  assert.equal(counts.size, 50);
});

test('weight: 1 for a summary no one mentions, one more per doubling of the mentions, one more for a highlight, at most 10', () => {
  assert.equal(textWeight(0, false), 1);
  assert.equal(textWeight(1, false), 2);
  assert.equal(textWeight(3, false), 3);
  assert.equal(textWeight(0, true), 2);
  assert.equal(textWeight(27, false), 5.8);
  assert.equal(textWeight(10_000, true), 10);
});
