import type { Article } from './article.js';
import type { KbProblem } from './problem.js';

/**
 * A claim that an audit found wrong, and the pattern that would bring it back. Each guard reads
 * one paragraph (or list item) at a time: it fires when `when` matches and `unless` does not.
 * Patterns use bounded repeats only, so a check is linear in the text.
 */
export interface ClaimGuard {
  id: string;
  when: RegExp;
  unless?: RegExp;
  /** What is wrong, with the corrected fact. */
  message: string;
  /** The primary source of the corrected fact (reference/tcp-facts.md item). */
  source: string;
}

/** The corrected claims kb:check keeps from coming back. */
export const CLAIM_GUARDS: readonly ClaimGuard[] = Object.freeze([
  {
    id: 'linux-lsof-spelling',
    // Linux lsof spells FIN_WAIT1/FIN_WAIT2/SYN_RECV; FIN_WAIT_2 is right only for BSD/macOS lsof.
    when: /-sTCP:(?:FIN_WAIT_[12]|SYN_RCVD|SYN_RECEIVED)\b/,
    unless: /macOS|BSD|Solaris/,
    message:
      'Linux lsof spells states as the kernel does (-sTCP:FIN_WAIT2, FIN_WAIT1, SYN_RECV); -sTCP:FIN_WAIT_2 matches nothing on Linux',
    source: 'tcp-facts 171 (lsof dialects/linux/dsock.c)',
  },
  {
    id: 'ss-s-closed-is-leak',
    when: /(?:ss -s|"closed"|`closed`)[^\n]{0,160}(?:leak|descriptors? (?:held|open))/i,
    unless: /\bnot\b|n't\b|includes? every TIME_WAIT/i,
    message:
      'ss -s "closed" = alloc - inuse + tw includes every TIME_WAIT socket; it is not a descriptor-leak count',
    source: 'tcp-facts 94 (iproute2 misc/ss.c print_summary; net/ipv4/proc.c)',
  },
  {
    id: 'openbsd-range',
    when: /OpenBSD[^\n]{0,120}49152|49152[^\n]{0,120}OpenBSD/,
    unless: /1024-49151|1024–49151|"high"|high range|IP_PORTRANGE_HIGH/,
    message:
      "OpenBSD's default ephemeral range is 1024-49151 (portfirst/portlast); 49152-65535 is its high range",
    source: 'tcp-facts 161 (OpenBSD sys/netinet/in.h, in_pcb.c)',
  },
  {
    id: 'raise-max-syn-backlog',
    when: /(?:raise|raising|increase|increasing|bump)[^\n]{0,60}tcp_max_syn_backlog/i,
    unless:
      /\bnot\b|nothing|n't\b|rather than|only (?:with|when|matters)|instead|cookies (?:are )?off|syncookies=0|Myth|"Raise/i,
    message:
      'since Linux 4.4 min(listen() backlog, somaxconn) bounds the SYN queue; tcp_max_syn_backlog acts only with tcp_syncookies=0',
    source: 'tcp-facts 79-81 (inet_csk_reqsk_queue_is_full(); tcp_conn_request())',
  },
  {
    id: 'somaxconn-caps-accept-only',
    when: /somaxconn`?[^\n.]{0,40}caps the \*{0,2}accept\*{0,2} queue, not the SYN queue/i,
    message: 'somaxconn caps the listen() backlog, which bounds both queues since Linux 4.4',
    source: 'tcp-facts 79',
  },
  {
    id: 'connect-timeout-131',
    when: /\b127 s\b/,
    unless: /\b131\b/,
    message:
      'connect() gives up after about 127 s before Linux 6.5 and about 131 s since (tcp_syn_linear_timeouts=4)',
    source: 'tcp-facts 34 (ip-sysctl tcp_syn_retries, tcp_syn_linear_timeouts)',
  },
  {
    id: 'orphan-retries-default',
    when: /tcp_orphan_retries`?[^\n.]{0,30}(?:8 by default|default:? 8\b|defaults? (?:is |to )?8\b)/i,
    message: 'tcp_orphan_retries reads 0 by default, which the kernel takes as 8',
    source: 'tcp-facts 40, 165 (tcp_timer.c tcp_orphan_retries())',
  },
  {
    id: 'currestab-backports',
    when: /a46d0ea5c942/,
    unless: /6\.10|tcp_mib_currestab|TCP_MIB_CURRESTAB/i,
    message:
      'CurrEstab counts CLOSE_WAIT from mainline 6.10, backported to the 6.9, 6.6, 5.15, 5.10, 5.4 and 4.19 stable series',
    source: 'tcp-facts 95',
  },
  {
    id: 'linux-port-range',
    when: /32768[ -–]61000/,
    unless: /\bbefore\b|\buntil\b|\bolder\b|\bearlier\b|\bwas\b/i,
    message: 'the Linux ip_local_port_range default is 32768-60999 (28,232 ports) since Linux 4.2',
    source: 'tcp-facts 69 (ip-sysctl ip_local_port_range; commit 07f4c90062f8)',
  },
]);

/** The paragraphs and list items of an article: the answer paragraph and every section body. */
function blocks(a: Article): string[] {
  const texts = [a.summary, ...a.sections.map((s) => s.markdown)];
  return texts.flatMap((t) => t.split(/\n(?=\s*(?:[-*] |\d+\. |\n))/));
}

/** Every guarded wrong claim found in the articles, one problem per article and guard. */
export function checkClaims(
  articles: readonly Article[],
  guards: readonly ClaimGuard[] = CLAIM_GUARDS,
): KbProblem[] {
  const problems: KbProblem[] = [];
  for (const a of articles) {
    const parts = blocks(a);
    for (const g of guards) {
      const hit = parts.find((p) => g.when.test(p) && !(g.unless?.test(p) ?? false));
      if (hit === undefined) continue;
      const excerpt = hit.trim().replace(/\s+/g, ' ').slice(0, 80);
      problems.push({
        file: a.file,
        field: 'body',
        message: `claim guard ${g.id}: ${g.message} [${g.source}] near "${excerpt}"`,
      });
    }
  }
  return problems;
}
