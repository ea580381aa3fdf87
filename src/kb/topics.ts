/** The knowledge-base topics of DESIGN.md, in its order: every one must be covered by an article. */
export const KB_TOPICS = Object.freeze([
  'state-listen',
  'state-syn-sent',
  'state-syn-recv',
  'state-established',
  'state-fin-wait-1',
  'state-fin-wait-2',
  'state-close-wait',
  'state-closing',
  'state-last-ack',
  'state-time-wait',
  'state-closed',
  'close-sequence',
  'who-closes-first',
  'half-close-shutdown',
  'rst-abort',
  'time-wait-why-2msl',
  'time-wait-reduce-linux',
  'tcp-tw-reuse',
  'tcp-tw-recycle',
  'tcp-fin-timeout',
  'tcp-max-tw-buckets',
  'ephemeral-port-exhaustion',
  'so-reuseaddr',
  'so-linger',
  'close-wait-leak-fix',
  'close-wait-clear-now',
  'syn-flood-syncookies',
  'listen-backlog',
  'windows-tcptimedwaitdelay',
  'windows-maxuserport',
  'keepalive-connection-pooling',
  'tcp-keepalive',
  'orphan-sockets',
  'netstat-vs-ss',
] as const);

export type KbTopic = (typeof KB_TOPICS)[number];

const TOPIC_SET: ReadonlySet<string> = new Set(KB_TOPICS);

/** True when `name` is one of the DESIGN topics. */
export function isKbTopic(name: string): name is KbTopic {
  return TOPIC_SET.has(name);
}
