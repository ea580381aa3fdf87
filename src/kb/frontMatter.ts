import { parseDocument } from 'yaml';
import { z } from 'zod';
import { TCP_STATES } from '../netstat/states.js';
import type { KbProblem } from './problem.js';
import { KB_TOPICS } from './topics.js';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HTTP_URL = /^https?:\/\/[^\s/]+\S*$/;

const SourceSchema = z.strictObject({
  title: z.string().trim().min(1, 'empty source title'),
  url: z.string().regex(HTTP_URL, 'not an http(s) URL'),
});

/** The front matter every article must carry (DESIGN.md, "Knowledge-base topics"). */
export const FrontMatterSchema = z.strictObject({
  id: z.string().regex(ID_PATTERN, 'must be lowercase words joined by hyphens'),
  title: z.string().trim().min(1, 'empty title'),
  aliases: z.array(z.string().trim().min(1, 'empty alias')),
  /** Symptoms, error strings and phrasings in any language that lead to this article. */
  symptoms: z.array(z.string().trim().min(1, 'empty symptom')).optional(),
  topics: z
    .array(
      z.enum(KB_TOPICS, {
        error: (issue) => `unknown topic ${JSON.stringify(issue.input)} (not in the DESIGN list)`,
      }),
    )
    .min(1, 'at least one topic is required'),
  states: z.array(
    z.enum(TCP_STATES, {
      error: (issue) =>
        `unknown state ${JSON.stringify(issue.input)} (use a canonical name: ${TCP_STATES.join(' ')})`,
    }),
  ),
  sources: z.array(SourceSchema).min(1, 'at least one source with an http(s) URL is required'),
  related: z.array(z.string().regex(ID_PATTERN, 'not an article id')).optional(),
});

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** A markdown file split at its front-matter fences. */
export interface SplitFile {
  /** The YAML between the `---` fences, or null when there is none. */
  yaml: string | null;
  body: string;
}

const FENCE = /^---[ \t]*$/;

/** Splits `---\nyaml\n---\nbody`; a file without an opening fence has no front matter. */
export function splitFrontMatter(text: string): SplitFile {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = src.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { yaml: null, body: src };
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end < 0) return { yaml: null, body: src };
  return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n') };
}

/** `topics[2]`, `sources[0].url`: a zod issue path in the form people write it. */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || 'front matter';
}

/** Parses and validates front matter; returns the value or every problem found. */
export function parseFrontMatter(
  file: string,
  yamlText: string | null,
): { value?: FrontMatter; declaredId?: string; problems: KbProblem[] } {
  if (yamlText === null) {
    return {
      problems: [{ file, field: 'front matter', message: 'missing (expected a --- fenced block)' }],
    };
  }
  const doc = parseDocument(yamlText, { prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        file,
        field: 'front matter',
        message: `YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  let raw: unknown;
  try {
    // toJS throws on documents that parse but cannot be built, such as an alias bomb (a
    // billion laughs): that is a problem in this file, not a crash of the whole check.
    raw = doc.toJS();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      problems: [{ file, field: 'front matter', message: `YAML: ${reason.split('\n')[0]}` }],
    };
  }
  const parsed = FrontMatterSchema.safeParse(raw);
  if (parsed.success) return { value: parsed.data, problems: [] };
  // Keep the id of an invalid article, so links to it are not reported as broken as well.
  const id = (raw as { id?: unknown } | null)?.id;
  return {
    declaredId: typeof id === 'string' ? id : undefined,
    problems: parsed.error.issues.map((issue) => ({
      file,
      field: issueField(issue),
      message: issueMessage(issue),
    })),
  };
}

function issueField(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return fieldPath([...issue.path, ...issue.keys]);
  return fieldPath(issue.path);
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return 'unknown field';
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  return issue.message;
}
