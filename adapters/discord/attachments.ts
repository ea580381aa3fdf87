/**
 * Fetching a Discord attachment (a message attachment or a slash-command file option). The
 * URLs are signed and expire, so files are fetched at once; the size is capped while reading,
 * and only text is accepted: a content type of text/*, or a missing/generic type on a file
 * whose name says it is text. Only Discord's own CDN hosts are fetched from, over https, and a
 * redirect is refused rather than followed: a URL in a message must not make the bot fetch
 * from the local network.
 */
import { decodeText, readCapped as readBody } from '../../src/bot/input.js';
import type { Attachment } from '../../src/bot/message.js';

/** What Discord tells us about a file before we fetch it. */
export interface AttachmentRef {
  name: string;
  url: string;
  /** Declared size in bytes. */
  size?: number;
  contentType?: string | null;
}

export interface AttachmentLimits {
  maxBytes: number;
  timeoutMs: number;
  /** Origins files may be fetched from (`https://cdn.discordapp.com`); anything else is refused. */
  origins: readonly string[];
}

export type AttachmentRefusal =
  | 'ATTACHMENT_TOO_LARGE'
  | 'ATTACHMENT_NOT_TEXT'
  | 'ATTACHMENT_NOT_DISCORD'
  | 'ATTACHMENT_FETCH_FAILED';

/** A file was refused or could not be read; the message is fit to show the person. */
export class AttachmentError extends Error {
  override readonly name = 'AttachmentError';
  constructor(
    readonly code: AttachmentRefusal,
    message: string,
  ) {
    super(message);
  }
}

// Extensions people give saved command output; accepted when the content type says nothing.
const TEXT_EXTENSIONS = new Set(['txt', 'text', 'log', 'out', 'csv', 'tsv', 'md']);
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

/** Whether a file with this name and content type may be read as text. */
export function isTextAttachment(name: string, contentType: string | null | undefined): boolean {
  const type = mediaType(contentType);
  if (type.startsWith('text/')) return true;
  return GENERIC_TYPES.has(type) && TEXT_EXTENSIONS.has(extensionOf(name));
}

/** Whether a URL is on one of the allowed origins (scheme, host and port all match). */
export function isAllowedOrigin(url: string, origins: readonly string[]): boolean {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return false;
  }
  return origins.includes(origin);
}

/** Refuses, before any download, a file whose declared size, type or host is wrong. */
export function checkAttachment(ref: AttachmentRef, limits: AttachmentLimits): void {
  if (ref.size !== undefined && ref.size > limits.maxBytes) {
    throw new AttachmentError(
      'ATTACHMENT_TOO_LARGE',
      `${ref.name} is ${formatBytes(ref.size)}; the limit is ${formatBytes(limits.maxBytes)}. ` +
        'Filter it first (for example `ss -tan state close-wait`) or send a summary ' +
        "(`ss -tan | awk '{print $1}' | sort | uniq -c`).",
    );
  }
  if (!isTextAttachment(ref.name, ref.contentType)) {
    throw new AttachmentError(
      'ATTACHMENT_NOT_TEXT',
      `${ref.name} is not a text file (${mediaType(ref.contentType) || 'unknown type'}). ` +
        'Attach the command output as a .txt or .log file.',
    );
  }
  if (!isAllowedOrigin(ref.url, limits.origins)) {
    throw new AttachmentError(
      'ATTACHMENT_NOT_DISCORD',
      `${ref.name} is not hosted on Discord's file servers, so I did not download it. Attach the file to your message instead.`,
    );
  }
}

/** Whether bytes look like UTF-16LE without a BOM: ASCII text with a NUL after every byte. */
function looksUtf16le(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return false;
  let oddZeros = 0;
  let evenZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  return oddZeros > n * 0.4 && evenZeros < n * 0.05;
}

/**
 * Decodes a saved command output. UTF-8 is the norm, but Windows PowerShell's `>` writes
 * UTF-16LE (with a BOM), so BOMs are honoured; bytes that are not valid UTF-8 (an old code
 * page) are decoded with replacement characters and left to the bot's own text check.
 */
export function decodeAttachmentText(bytes: Uint8Array): { text: string } | { problem: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  }
  if (looksUtf16le(bytes)) return { text: new TextDecoder('utf-16le').decode(bytes) };
  const utf8 =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const decoded = decodeText(utf8);
  if ('text' in decoded || utf8.includes(0)) return decoded;
  return { text: new TextDecoder('utf-8').decode(utf8) };
}

/** Reads a response body up to `maxBytes`, refusing anything longer. */
async function readCapped(response: Response, name: string, maxBytes: number): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const bytes = await readBody(response.body, maxBytes);
  if (bytes === undefined) {
    throw new AttachmentError(
      'ATTACHMENT_TOO_LARGE',
      `${name} is larger than the ${formatBytes(maxBytes)} limit.`,
    );
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Checks, fetches and decodes one attachment as UTF-8 text. */
export async function fetchAttachment(
  ref: AttachmentRef,
  limits: AttachmentLimits,
): Promise<Attachment> {
  checkAttachment(ref, limits);
  let response: Response;
  try {
    // A redirect could lead anywhere (an internal address): it is refused, not followed.
    response = await fetch(ref.url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(limits.timeoutMs),
    });
  } catch {
    throw new AttachmentError(
      'ATTACHMENT_FETCH_FAILED',
      `Could not download ${ref.name}; try attaching it again.`,
    );
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    throw new AttachmentError(
      'ATTACHMENT_NOT_DISCORD',
      `Could not download ${ref.name}: the file server sent a redirect, which I do not follow. Attach the file again.`,
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new AttachmentError(
      'ATTACHMENT_FETCH_FAILED',
      `Could not download ${ref.name} (HTTP ${response.status}); try attaching it again.`,
    );
  }
  const servedType = response.headers.get('content-type');
  // The CDN's type is the one that counts when Discord's payload did not carry one.
  if (servedType && !isTextAttachment(ref.name, servedType)) {
    await response.body?.cancel();
    throw new AttachmentError(
      'ATTACHMENT_NOT_TEXT',
      `${ref.name} is not a text file (${mediaType(servedType)}). Attach it as a .txt or .log file.`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readCapped(response, ref.name, limits.maxBytes);
  } catch (error) {
    if (error instanceof AttachmentError) throw error;
    throw new AttachmentError(
      'ATTACHMENT_FETCH_FAILED',
      `Could not download ${ref.name}; try attaching it again.`,
    );
  }
  const decoded = decodeAttachmentText(bytes);
  if ('problem' in decoded) {
    throw new AttachmentError(
      'ATTACHMENT_NOT_TEXT',
      `${ref.name} is not text: ${decoded.problem}.`,
    );
  }
  const contentType = servedType ?? ref.contentType ?? undefined;
  return { name: ref.name, ...(contentType ? { contentType } : {}), text: decoded.text };
}
