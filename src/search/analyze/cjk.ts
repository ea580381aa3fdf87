import type { Stage } from './draft.js';

// Common Chinese words in on-call questions, mapped to the English terms the articles use.
// Longest entries are tried first, so 连接池 wins over 连接. Intent words become the English
// intent words the intent stage recognises.
const CHINESE: Record<string, string> = {
  四次挥手: 'four way close fin ack sequence',
  三次握手: 'three way handshake syn',
  半连接队列: 'syn queue backlog',
  全连接队列: 'accept queue backlog',
  半连接: 'half open syn',
  半关闭: 'half close shutdown',
  长连接: 'keepalive persistent connection',
  短连接: 'short lived connection',
  连接池: 'connection pool',
  连接数: 'connection count',
  文件描述符: 'file descriptor',
  文件句柄: 'file descriptor',
  句柄: 'descriptor',
  如何解决: 'how fix',
  怎么解决: 'how fix',
  解决: 'fix',
  为什么: 'why',
  原因: 'cause',
  什么是: 'what is',
  是什么: 'what is',
  怎么办: 'how fix',
  如何: 'how',
  怎么: 'how',
  大量: 'many',
  很多: 'many',
  过多: 'too many',
  太多: 'too many',
  堆积: 'pile up',
  积累: 'pile up',
  泄漏: 'leak',
  泄露: 'leak',
  连接: 'connection',
  链接: 'connection',
  端口: 'port',
  耗尽: 'exhaustion',
  用尽: 'exhaustion',
  关闭: 'close',
  断开: 'disconnect',
  释放: 'release',
  服务端: 'server',
  服务器: 'server',
  客户端: 'client',
  状态: 'state',
  超时: 'timeout',
  挥手: 'close fin',
  握手: 'handshake',
  发送: 'send',
  接收: 'receive',
  数据: 'data',
  请求: 'request',
  队列: 'queue',
  溢出: 'overflow',
  攻击: 'attack',
  防火墙: 'firewall',
  代理: 'proxy',
  负载均衡: 'load balancer',
  内核: 'kernel',
  参数: 'parameter',
  优化: 'tune',
  调优: 'tune',
  减少: 'reduce',
  降低: 'reduce',
  清除: 'clear',
  清理: 'clear',
  杀掉: 'kill',
  卡住: 'stuck',
  重启: 'restart',
  复用: 'reuse',
  重用: 'reuse',
  回收: 'recycle',
  心跳: 'heartbeat keepalive',
  保活: 'keepalive',
  监听: 'listen',
  拒绝: 'refused',
  重置: 'reset',
  正常: 'normal',
  异常: 'abnormal',
};

const WORDS = Object.keys(CHINESE).sort((a, b) => b.length - a.length);
const MAX_WORD = WORDS[0]?.length ?? 1;
const WORD_SET = new Set(WORDS);
// "Is not": the word right after one is not what the asker has (并不是攻击: not an attack).
const NEGATIONS = ['并不是', '不是', '并非'];
const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

/** Translates known Chinese words to English and keeps the rest as character bigrams. */
export const chineseWords: Stage = (draft) => {
  draft.text = draft.text.replace(CJK_RUN, (run) => ` ${translateRun(run)} `);
};

function translateRun(run: string): string {
  const out: string[] = [];
  let rest = '';
  let negated = false;
  const flush = () => {
    if (rest) out.push(bigrams(rest));
    rest = '';
  };
  let i = 0;
  while (i < run.length) {
    const negation = NEGATIONS.find((n) => run.startsWith(n, i));
    if (negation) {
      flush();
      negated = true;
      i += negation.length;
      continue;
    }
    const word = longestWord(run, i);
    if (word) {
      flush();
      if (!negated) out.push(CHINESE[word] ?? '');
      negated = false;
      i += word.length;
      continue;
    }
    rest += run[i];
    negated = false;
    i++;
  }
  flush();
  return out.join(' ');
}

function longestWord(run: string, at: number): string | undefined {
  for (let len = Math.min(MAX_WORD, run.length - at); len >= 2; len--) {
    const candidate = run.slice(at, at + len);
    if (WORD_SET.has(candidate)) return candidate;
  }
  return undefined;
}

/** `挥手过程` -> `挥手 手过 过程`: bigrams let unmapped Chinese text match itself. */
export function bigrams(run: string): string {
  if (run.length < 2) return '';
  const grams: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) grams.push(run.slice(i, i + 2));
  return grams.join(' ');
}
