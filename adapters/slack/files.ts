/**
 * Downloads a text file or snippet shared with the bot. Slack serves private files only with
 * the bot token; the token is sent only to Slack's own hosts (or the configured API host), the
 * size is capped before and during the download, and anything that is not text is refused.
 */
import { decodeText as decodeUtf8, readCapped } from '../../src/bot/input.js';
import type { Attachment } from '../../src/bot/message.js';
import { SlackFileError } from './errors.js';

/** The parts of a Slack file object the adapter reads. */
export interface SlackFile {
  id?: string;
  name?: string;
  title?: string;
  mimetype?: string;
  filetype?: string;
  size?: number;
  mode?: string;
  url_private?: string;
  url_private_download?: string;
  file_access?: string;
}

export interface DownloadOptions {
  botToken: string;
  /** The Web API base URL: its host may serve files too (tests, Enterprise proxies). */
  apiUrl: string;
  maxBytes: number;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** Slack file types that hold plain text (snippets are typed by language). */
const TEXT_FILETYPES = new Set([
  'text',
  'txt',
  'log',
  'csv',
  'tsv',
  'shell',
  'bash',
  'sh',
  'markdown',
  'plain',
]);
const TEXT_NAME = /\.(txt|log|out|text|csv|tsv)$/i;

function label(file: SlackFile): string {
  return file.name ?? file.title ?? file.id ?? 'the file';
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** Why this file will not be read, judged from its metadata alone; undefined if it may be. */
export function rejectReason(file: SlackFile, maxBytes: number): string | undefined {
  const isText =
    file.mimetype?.startsWith('text/') === true ||
    (file.filetype !== undefined && TEXT_FILETYPES.has(file.filetype)) ||
    file.mode === 'snippet' ||
    TEXT_NAME.test(file.name ?? '');
  if (!isText) {
    const kind = file.mimetype ?? file.filetype ?? 'unknown type';
    return `${label(file)} is not a text file (${kind}); share a .txt file or a text snippet`;
  }
  if (file.size !== undefined && file.size > maxBytes) {
    return `${label(file)} is too large (${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)})`;
  }
  return undefined;
}

/** Whether the bot token may be sent to this URL: Slack's hosts or the API host only. */
export function mayCarryToken(url: string, apiUrl: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const api = new URL(apiUrl);
  if (target.host === api.host && target.protocol === api.protocol) return true;
  return (
    target.protocol === 'https:' &&
    (target.hostname === 'slack.com' || target.hostname.endsWith('.slack.com'))
  );
}

/** Text of downloaded bytes: UTF-8, or UTF-16 when it starts with a byte-order mark. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const decoded = decodeUtf8(bytes);
  if ('problem' in decoded) throw new SlackFileError(`${name} is not text: ${decoded.problem}`);
  return decoded.text;
}

/** Downloads one shared file as an Attachment; throws SlackFileError with a short reason. */
export async function downloadFile(file: SlackFile, options: DownloadOptions): Promise<Attachment> {
  const name = label(file);
  const reason = rejectReason(file, options.maxBytes);
  if (reason) throw new SlackFileError(reason);
  const url = file.url_private_download ?? file.url_private;
  if (!url)
    throw new SlackFileError(`${name} has no download link (is the files:read scope granted?)`);
  if (!mayCarryToken(url, options.apiUrl))
    throw new SlackFileError(`${name} is not hosted by Slack`);
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      headers: { Authorization: `Bearer ${options.botToken}` },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (cause) {
    throw new SlackFileError(`${name} could not be downloaded`, { cause });
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new SlackFileError(`${name} could not be downloaded (HTTP ${response.status})`);
  }
  const type = response.headers.get('content-type') ?? '';
  // Without access Slack answers with its HTML sign-in page instead of the file.
  if (type.startsWith('text/html')) {
    await response.body.cancel();
    throw new SlackFileError(
      `${name} could not be downloaded (Slack sent a sign-in page: is files:read granted?)`,
    );
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > options.maxBytes) {
    await response.body.cancel();
    throw new SlackFileError(
      `${name} is too large (${formatBytes(declared)}; the limit is ${formatBytes(options.maxBytes)})`,
    );
  }
  const bytes = await readCapped(response.body, options.maxBytes);
  if (bytes === undefined) {
    throw new SlackFileError(`${name} is too large (over ${formatBytes(options.maxBytes)})`);
  }
  return { name, contentType: file.mimetype ?? type, text: decodeText(bytes, name) };
}
