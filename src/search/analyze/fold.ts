import type { Stage } from './draft.js';

// Fullwidth forms (common in Chinese and Japanese text) fold to ASCII under NFKC; quotes and
// dashes people paste from documents fold to their plain forms.
const PUNCTUATION: ReadonlyArray<[RegExp, string]> = [
  [/[\u2018\u2019\u201a\u201b\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/[\u3001\u3002\uff61\uff64]/g, ' '],
];

/** Unicode-folds the text (NFKC, quotes, dashes, ideographic punctuation). */
export const foldText: Stage = (draft) => {
  let text = draft.text.normalize('NFKC');
  for (const [re, to] of PUNCTUATION) text = text.replace(re, to);
  draft.text = text;
};
