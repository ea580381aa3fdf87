import { describe, expect, it } from 'vitest';
import { defaultKbDir } from '../../src/kb/defaultDir.js';
import { formatProblem } from '../../src/kb/problem.js';
import { uncoveredTopics, validateKnowledgeBase } from '../../src/kb/validate.js';

describe('the shipped knowledge base', () => {
  it('validates cleanly and covers every DESIGN topic (what npm run kb:check enforces)', async () => {
    const { articles, problems } = await validateKnowledgeBase(defaultKbDir());
    expect(problems.map(formatProblem)).toEqual([]);
    expect(uncoveredTopics(articles)).toEqual([]);
    for (const a of articles) {
      expect(a.summaryText, a.id).toBeTruthy();
      expect(a.summaryText, a.id).not.toMatch(/\]\(kb:/);
    }
  });
});
