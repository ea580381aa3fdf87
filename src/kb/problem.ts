/** One thing wrong with a knowledge-base file: where (file, field) and what. */
export interface KbProblem {
  /** Path relative to the kb folder (or the folder itself for folder-level problems). */
  file: string;
  /** Front-matter path such as `topics[2]`, or `body`, `front matter`, `file`. */
  field: string;
  message: string;
}

/** `file: field: message`, the one-line form kb:check prints. */
export function formatProblem(p: KbProblem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}
