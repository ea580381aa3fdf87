/**
 * The bot behind every adapter: reads what a message is (command, paste, follow-up,
 * question) and composes the Reply. It knows no chat platform; adapters render its Replies.
 */
import type { Article } from '../kb/article.js';
import type { KnowledgeBase } from '../kb/knowledgeBase.js';
import type { Snapshot } from '../netstat/snapshot.js';
import type { TcpState } from '../netstat/states.js';
import type { SearchResult } from '../search/result.js';
import type { TriageOptions } from '../triage/context.js';
import type { Verdict } from '../triage/verdict.js';
import { HeavyLane } from './heavyLane.js';
import {
  DEFAULT_INPUT_GUARD,
  type InputGuardOptions,
  inspectMessage,
  refusalReply,
} from './input.js';
import { literalMarkdown } from './markdownText.js';
import {
  ConversationMemory,
  type ConversationMemoryOptions,
  DEFAULT_MEMORY_OPTIONS,
} from './memory.js';
import { neutralizeMentions } from './mentions.js';
import type { ChatBot, ChatMessage } from './message.js';
import {
  aboutReply,
  answerReply,
  compareVerdicts,
  explainReply,
  fallbackReply,
  followUpReply,
  helpReply,
  mainArticle,
  needPasteReply,
  nothingReadReply,
  renderKbLinks,
  topicsReply,
  unknownTopicReply,
  verdictReply,
} from './replies/index.js';
import { type Reply, simpleReply } from './reply.js';
import { followUpIntent, parseCommand, splitMessage, statesNamed } from './route.js';

/** The ranked-answer search the bot asks questions of (`KbSearch` from src/search). */
export interface QuestionSearch {
  search(query: string, limit?: number): SearchResult;
}

/** What the bot is built from: the knowledge base, its search, the reader and triage. */
export interface BotDeps {
  kb: KnowledgeBase;
  search: QuestionSearch;
  readText: (text: string) => Snapshot;
  triage: (snapshot: Snapshot, options?: TriageOptions) => Verdict;
  /** Cheap check for a socket table; defaults to "readText finds something". */
  looksLikeSocketTable?: (text: string) => boolean;
}

/** Options of the bot. */
export interface BotOptions {
  /** Limits on chat input (size cap, binary detection). */
  input: Partial<InputGuardOptions>;
  /** Conversation memory size and expiry. */
  memory: Partial<ConversationMemoryOptions>;
  /** Shown by `about`. */
  version: string;
  /** The clock used when a message carries no `at`. */
  clock: () => number;
  /** Extra lines for `help` (an adapter's own commands, such as the terminal's `/quit`). */
  helpLines: readonly string[];
}

/** Defaults: 2 MB input cap, 500 conversations remembered for 60 minutes. */
export const DEFAULT_BOT_OPTIONS: Readonly<BotOptions> = Object.freeze({
  input: DEFAULT_INPUT_GUARD,
  memory: Object.freeze({
    maxConversations: DEFAULT_MEMORY_OPTIONS.maxConversations,
    ttlMinutes: DEFAULT_MEMORY_OPTIONS.ttlMinutes,
  }),
  version: '0.0.0',
  clock: () => Date.now(),
  helpLines: Object.freeze([]) as readonly string[],
});

/** Messages longer than this (text and attachments, in characters) go through the heavy lane. */
const HEAVY_MESSAGE_CHARS = 64 * 1024;

/** Characters in a message's text and attachments. */
function messageSize(message: ChatMessage): number {
  let n = message.text.length;
  for (const a of message.attachments ?? []) n += a.text.length;
  return n;
}

/** Results asked of the search for one question. */
const SEARCH_LIMIT = 5;

/** Every string in a reply with mentions neutralised (replies echo pasted text). */
export function neutralizeReply(reply: Reply): Reply {
  const n = neutralizeMentions;
  return {
    ...reply,
    title: n(reply.title),
    paragraphs: reply.paragraphs.map(n),
    code: reply.code.map((c) => ({
      label: c.label === undefined ? undefined : n(c.label),
      text: n(c.text),
    })),
    chart: reply.chart.map((b) => ({ label: n(b.label), value: b.value })),
    findings: reply.findings.map((f) => ({
      ...f,
      title: n(f.title),
      evidence: n(f.evidence),
      cause: n(f.cause),
      next: f.next.map(n),
      caveats: f.caveats.map(n),
    })),
    sources: reply.sources.map((s) => ({ ...s, title: n(s.title) })),
    suggestions: reply.suggestions.map(n),
  };
}

/** The chat bot: one instance serves every conversation of an adapter. */
export class Bot implements ChatBot {
  readonly options: BotOptions;
  readonly memory: ConversationMemory;
  readonly #deps: BotDeps;
  readonly #looksLike: (text: string) => boolean;

  constructor(deps: BotDeps, options: Partial<BotOptions> = {}) {
    this.options = { ...DEFAULT_BOT_OPTIONS, ...options };
    this.#deps = deps;
    this.memory = new ConversationMemory({ now: this.options.clock, ...this.options.memory });
    this.#looksLike =
      deps.looksLikeSocketTable ??
      ((text) => {
        const s = this.#read(text);
        return s.total > 0 || s.series.length > 0;
      });
  }

  /** The last text read and its Snapshot: routing reads a table once, triage reuses it. */
  #lastRead: { text: string; snapshot: Snapshot } | undefined;

  /** Reads a paste, reusing the Snapshot when routing just read the same text. */
  #read(text: string): Snapshot {
    const last = this.#lastRead;
    if (last !== undefined && last.text === text) return last.snapshot;
    const snapshot = this.#deps.readText(text);
    this.#lastRead = { text, snapshot };
    return snapshot;
  }

  /** Large messages, answered one at a time between the small ones. */
  readonly #heavy = new HeavyLane();

  /** Answers one message. Never throws: an internal failure becomes a short error reply. */
  async handle(message: ChatMessage): Promise<Reply> {
    const problem = inspectMessage(message, this.options.input);
    if (problem) return refusalReply(problem);
    try {
      const answer = () =>
        neutralizeReply(this.#route(message, message.at ?? this.options.clock()));
      // A small message is answered at once; a large paste waits its turn in the heavy lane.
      return messageSize(message) > HEAVY_MESSAGE_CHARS ? await this.#heavy.run(answer) : answer();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      return simpleReply(
        'failure',
        'Something went wrong on my side',
        [
          `I could not handle that message (${literalMarkdown(neutralizeMentions(reason).slice(0, 200))}). Try again, or send \`help\`.`,
        ],
        'error',
      );
    }
  }

  /** Article ids `explain` accepts (adapters offer them, e.g. as Discord autocomplete choices). */
  topics(): string[] {
    return this.#deps.kb.articles.map((a) => a.id);
  }

  /**
   * The triage reply for a snapshot read elsewhere (the CLI streams piped input too large for
   * a chat message). Remembered in the conversation like a paste.
   */
  replyToSnapshot(
    snapshot: Snapshot,
    conversation: string,
    at: number = this.options.clock(),
  ): Reply {
    if (snapshot.total === 0 && snapshot.series.length === 0) {
      return neutralizeReply(nothingReadReply(snapshot.unreadableReasons));
    }
    return neutralizeReply(this.#paste(snapshot, '', conversation, at));
  }

  #route(message: ChatMessage, at: number): Reply {
    const attachments = message.attachments ?? [];
    const command = attachments.length === 0 ? parseCommand(message.text) : undefined;
    if (command) {
      switch (command.name) {
        case 'help':
          return helpReply(this.options.helpLines);
        case 'topics':
          return topicsReply(this.#deps.kb);
        case 'about':
          return aboutReply(this.#deps.kb, this.options.version);
        case 'explain':
          return this.#explain(command.topic);
        case 'ask':
          return this.#question(command.question, message.conversation, at);
        case 'triage': {
          // Asked to triage: read the text as a paste first, even one that a chat client
          // flattened onto a single line (Discord string options drop newlines).
          const snapshot = this.#read(command.text);
          if (snapshot.total > 0 || snapshot.series.length > 0) {
            return this.#paste(snapshot, '', message.conversation, at);
          }
          return this.#message(command.text, message, at);
        }
      }
    }
    return this.#message(message.text, message, at);
  }

  #message(text: string, message: ChatMessage, at: number): Reply {
    const split = splitMessage(text, message.attachments ?? [], this.#looksLike);
    if (split.paste !== undefined) {
      const snapshot = this.#read(split.paste);
      if (snapshot.total > 0 || snapshot.series.length > 0) {
        return this.#paste(snapshot, split.question, message.conversation, at);
      }
      if (!split.question) return nothingReadReply(snapshot.unreadableReasons);
    }
    const question = split.paste === undefined ? text.trim() : split.question;
    if (!question) return fallbackReply();
    return this.#question(question, message.conversation, at);
  }

  #paste(snapshot: Snapshot, question: string, conversation: string, at: number): Reply {
    const { kb } = this.#deps;
    const previous = this.memory.get(conversation, at);
    const verdict = this.#deps.triage(snapshot, previous ? { previous: previous.snapshot } : {});
    const article = mainArticle(verdict, kb);
    const delta = previous
      ? {
          changes: compareVerdicts(previous.verdict, verdict, at - previous.at),
          elapsedMs: at - previous.at,
        }
      : undefined;
    const reply = verdictReply({ verdict, article, kb, delta });
    this.memory.set(conversation, { snapshot, verdict, at });
    if (!question) return reply;

    const intent = followUpIntent(question, focusStates(verdict));
    const extra = intent
      ? followUpReply(intent, verdict, kb, undefined, statesNamed(question)[0])
      : answerReply(this.#search(question), kb);
    return extra ? withAnswer(reply, question, extra, article) : reply;
  }

  #question(question: string, conversation: string, at: number): Reply {
    const { kb } = this.#deps;
    const last = this.memory.get(conversation, at);
    const intent = followUpIntent(question, last ? focusStates(last.verdict) : []);
    if (intent && last) {
      return followUpReply(intent, last.verdict, kb, at - last.at, statesNamed(question)[0]);
    }
    // "what do I do about it?" with no paste to refer to: ask for one rather than guess.
    if (intent && !isAboutTcp(question)) return needPasteReply();
    const result = this.#search(question);
    const answer = answerReply(result, kb);
    if (answer && (result.confident || isAboutTcp(question))) return answer;
    return fallbackReply(result.results.slice(0, 3).map((h) => h.id));
  }

  #explain(topic: string): Reply {
    const { kb } = this.#deps;
    const article = resolveTopic(topic, kb);
    if (article) return explainReply(article, kb);
    const result = this.#search(topic);
    const top = result.results[0];
    if (top && result.confident) {
      const found = kb.get(top.id);
      if (found) return explainReply(found, kb);
    }
    return unknownTopicReply(
      topic,
      result.results.slice(0, 3).map((h) => h.id),
    );
  }

  #search(question: string): SearchResult {
    return this.#deps.search.search(question, SEARCH_LIMIT);
  }
}

/** The states the last verdict was about (its findings), for reading follow-ups. */
function focusStates(verdict: Verdict): TcpState[] {
  return verdict.findings.map((f) => f.state);
}

// Words that make a question about TCP even when search is unsure of the best article.
const TCP_WORDS =
  /(?:^|[^a-z])(?:so_|tcp_|net\.ipv4)|\b(?:tcp|sockets?|connections?|ports?|netstat|ss|sysctl|kernel|fin|syn|ack|rst|keep-?alive|linger|backlog|ephemeral|handshake|conntrack|nat|reuse(?:addr|port)?|tw_\w+)\b|连接|端口|套接字|握手/i;

/** Whether a question is about TCP at all (names a state or TCP vocabulary). */
export function isAboutTcp(text: string): boolean {
  return TCP_WORDS.test(text) || statesNamed(text).length > 0 || /_WAIT|SYN_|FIN_/i.test(text);
}

/** An article for `explain <topic>`: by id, alias, title, topic or state name. */
export function resolveTopic(topic: string, kb: KnowledgeBase): Article | undefined {
  const t = topic
    .trim()
    .replace(/^[`'"“‘]+|[`'"”’?.!]+$/g, '')
    .trim();
  const lower = t.toLowerCase();
  const slug = lower.replace(/[\s_]+/g, '-');
  const direct = kb.get(lower) ?? kb.get(slug);
  if (direct) return direct;
  const byName = kb.articles.find(
    (a) => a.title.toLowerCase() === lower || a.aliases.some((x) => x.toLowerCase() === lower),
  );
  if (byName) return byName;
  const byTopic =
    kb.articles.find((a) => a.topics.includes(slug)) ??
    kb.articles.find((a) => a.topics.includes(`state-${slug}`));
  if (byTopic) return byTopic;
  const [state] = statesNamed(t.toUpperCase());
  if (state) {
    const withState = kb.articles.filter((a) => a.states.includes(state));
    return withState.find((a) => a.file.startsWith('states/')) ?? withState[0];
  }
  return undefined;
}

/** A triage reply extended with the answer to the question that came with the paste. */
function withAnswer(base: Reply, question: string, extra: Reply, article?: Article): Reply {
  const quoted = question.length > 200 ? `${question.slice(0, 200)}…` : question;
  // The summary of the main article is already in the reply: keep only what is new.
  const summary = article && renderKbLinks(article.summary).text.slice(0, 80);
  const paragraphs = extra.paragraphs.filter(
    (p) => !(summary && p.includes(summary)) && !base.paragraphs.includes(p),
  );
  const seen = new Set(base.sources.map((s) => s.url ?? s.title));
  return {
    ...base,
    paragraphs: [
      ...base.paragraphs,
      `**You asked:** _${literalMarkdown(quoted.replace(/\s+/g, ' '))}_`,
      `**${extra.title}**`,
      ...paragraphs,
    ],
    findings: base.findings,
    sources: [...base.sources, ...extra.sources.filter((s) => !seen.has(s.url ?? s.title))],
    suggestions: [...new Set([...base.suggestions, ...extra.suggestions])].slice(0, 5),
  };
}
