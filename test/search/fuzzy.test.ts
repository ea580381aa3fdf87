import { describe, expect, it } from 'vitest';
import { TypoCorrector } from '../../src/search/fuzzy.js';

describe('TypoCorrector', () => {
  const typos = new TypoCorrector(['appear', 'connection', 'ephemeral', 'exhaustion', 'port']);

  it('corrects one- or two-letter slips to a vocabulary word', () => {
    expect(typos.correct('appeard')?.term).toBe('appear');
    expect(typos.correct('connnection')?.term).toBe('connection');
    expect(typos.correct('ephemral')?.term).toBe('ephemeral');
  });

  it('leaves short words and words far from any vocabulary word alone', () => {
    expect(typos.correct('prt')).toBeNull();
    expect(typos.correct('kubernetes')).toBeNull();
    expect(typos.correct('exhaustionless')).toBeNull();
    expect(typos.correct('TIME_WAIT')).toBeNull();
  });
});
