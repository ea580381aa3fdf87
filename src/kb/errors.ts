import { formatProblem, type KbProblem } from './problem.js';

/** Codes of the errors the kb module throws. */
export const KbErrorCode = Object.freeze({
  /** The kb folder could not be found or read. */
  NotFound: 'KB_NOT_FOUND',
  /** One or more articles failed validation; `problems` lists them all. */
  Invalid: 'KB_INVALID',
} as const);

export type KbErrorCode = (typeof KbErrorCode)[keyof typeof KbErrorCode];

/** A coded knowledge-base error. */
export class KbError extends Error {
  readonly code: KbErrorCode;
  readonly problems: readonly KbProblem[];

  constructor(code: KbErrorCode, message: string, problems: readonly KbProblem[] = []) {
    super(message);
    this.name = 'KbError';
    this.code = code;
    this.problems = problems;
  }
}

/** The error loadKnowledgeBase throws when validation finds problems. */
export function invalidKbError(problems: readonly KbProblem[]): KbError {
  const first = problems[0];
  const head = first ? formatProblem(first) : 'unknown problem';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new KbError(KbErrorCode.Invalid, `invalid knowledge base: ${head}${more}`, problems);
}
