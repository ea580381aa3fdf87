import { describe, expect, it } from 'vitest';
import { analyze, queryStages } from '../../src/search/analyze/pipeline.js';
import { stem } from '../../src/search/analyze/stem.js';

const stages = queryStages(new Set(['tcp_fin_timeout', 'tcp_tw_reuse', 'maxuserport']));
const ask = (q: string) => analyze(q, stages);
const terms = (q: string) => ask(q).terms.map((t) => t.term);

describe('state spellings', () => {
  it.each([
    ['TIME-WAIT', 'TIME_WAIT'],
    ['time wait', 'TIME_WAIT'],
    ['TIMED_WAIT', 'TIME_WAIT'],
    ['timewait', 'TIME_WAIT'],
    ['TW sockets', 'TIME_WAIT'],
    ['close_wait', 'CLOSE_WAIT'],
    ['CLOSE-WAIT', 'CLOSE_WAIT'],
    ['SYN_RECV', 'SYN_RECEIVED'],
    ['SYN-RECV', 'SYN_RECEIVED'],
    ['SYN_RCVD', 'SYN_RECEIVED'],
    ['FIN_WAIT2', 'FIN_WAIT_2'],
    ['FIN-WAIT-2', 'FIN_WAIT_2'],
    ['fin wait 1', 'FIN_WAIT_1'],
    ['ESTAB', 'ESTABLISHED'],
    ['LISTENING', 'LISTEN'],
    ['LAST-ACK', 'LAST_ACK'],
    ['SYN_SENT', 'SYN_SENT'],
  ])('%s is %s', (spelling, state) => {
    const d = ask(`why so many ${spelling} here`);
    expect([...d.states]).toEqual([state]);
    expect(d.terms.map((t) => t.term)).toContain(`state_${state.toLowerCase()}`);
  });

  it('reads English words as states only when written as states', () => {
    expect([...ask('connections closing slowly while we listen').states]).toEqual([]);
    expect([...ask('sockets in CLOSING').states]).toEqual(['CLOSING']);
    expect([...ask('what does closed state mean').states]).toEqual(['CLOSED']);
    expect([...ask('es状态有1万多个').states]).toEqual(['ESTABLISHED']);
  });

  it('does not take tcp_tw_reuse for a TIME_WAIT mention', () => {
    const d = ask('TW reuse vs net.ipv4.tcp_tw_reuse');
    expect(d.states.size).toBe(0);
    expect(d.settings.has('tcp_tw_reuse')).toBe(true);
  });
});

describe('setting names', () => {
  it('strips net.ipv4. and /proc/sys paths', () => {
    expect(terms('sysctl -w net.ipv4.tcp_fin_timeout=30')).toContain('tcp_fin_timeout');
    expect(terms('cat /proc/sys/net/ipv4/tcp_tw_reuse')).toContain('tcp_tw_reuse');
    expect(terms('net.core.somaxconn')).toContain('somaxconn');
  });

  it('rejoins names typed apart or without their prefix, when the KB knows them', () => {
    expect(terms('what does tcp fin timeout do')).toContain('tcp_fin_timeout');
    expect(terms('is tw_reuse safe')).toContain('tcp_tw_reuse');
    expect(terms('raise max user port on windows')).toContain('maxuserport');
    expect(terms('max user count')).not.toContain('maxuserport');
  });
});

describe('words', () => {
  it('folds plurals and verb forms to one stem', () => {
    for (const w of ['closes', 'closed', 'closing', 'close']) expect(stem(w)).toBe(stem('close'));
    expect(stem('connections')).toBe(stem('connection'));
    expect(stem('proxies')).toBe('proxy');
    expect(stem('tcp_tw_reuse')).toBe('tcp_tw_reuse');
  });

  it('drops stop words, bare numbers and single letters', () => {
    expect(terms('What is the 2 of a')).toEqual([]);
    expect(terms('please can you tell me about sockets')).toEqual([stem('sockets')]);
  });

  it('folds synonyms and phrases both ways', () => {
    expect(terms('lots of conns')).toEqual(['many', 'connection']);
    expect(terms('keep-alive')).toEqual(terms('keepalive'));
    expect(terms('sockets build up')).toContain('pileup');
    expect(terms('the server does not close them')).toContain('notclosed');
    expect(terms("clients that don't close")).toContain('notclosed');
    expect(terms('we ran out of ports')).toContain('exhaustion');
  });

  it('adds concepts next to the words that describe them', () => {
    expect(terms('the client crashed but the socket is still ESTABLISHED')).toEqual(
      expect.arrayContaining(['client', 'deadpeer']),
    );
    expect(terms('detecting dead peers')).toContain('deadpeer');
    expect(terms('sockets build up over time')).toContain('leak');
    expect(terms('the count keeps growing')).toContain('leak');
    expect(terms('the client closed it')).not.toContain('deadpeer');
  });

  it('reads "LISTEN queue" as the accept queue, not the LISTEN state', () => {
    expect(ask('overflow of the LISTEN queue').states.size).toBe(0);
    expect([...ask('port 80 in LISTEN').states]).toEqual(['LISTEN']);
  });
});

describe('Chinese questions', () => {
  it('keeps the Latin names and maps common words to English', () => {
    const d = ask('HTTP方式接收数据造成大量TIME_WAIT连接');
    expect([...d.states]).toEqual(['TIME_WAIT']);
    const t = d.terms.map((x) => x.term);
    expect(t).toEqual(expect.arrayContaining(['http', 'many', 'connection', 'state_time_wait']));
  });

  it('maps server, close and ports', () => {
    const t = terms('服务端大量CLOSE_WAIT（播放端已经关闭）客户端端口耗尽');
    expect(t).toEqual(
      expect.arrayContaining(['server', 'many', 'state_close_wait', stem('close'), 'client']),
    );
    expect(t).toEqual(expect.arrayContaining(['port', 'exhaustion']));
  });

  it('drops a word negated by 不是 (is not)', () => {
    expect(terms('这个并不是攻击')).not.toContain('attack');
    expect(terms('这个是攻击')).toContain('attack');
  });

  it('keeps unknown Chinese text as lighter bigrams, so it can match itself', () => {
    const d = ask('四次挥手过程');
    expect(d.terms).toContainEqual({ term: '过程', weight: 0.5 });
    expect(d.terms.map((t) => t.term)).toContain('fin');
  });

  it('reads fullwidth forms', () => {
    expect([...ask('ＴＩＭＥ＿ＷＡＩＴ').states]).toEqual(['TIME_WAIT']);
  });
});

describe('other languages and scripts', () => {
  it('maps Japanese words inside a run with kana particles', () => {
    const t = terms('TIME_WAITの状態が大量に残る原因は？');
    expect(t).toEqual(
      expect.arrayContaining(['state_time_wait', stem('state'), 'many', stem('cause')]),
    );
    expect(ask('ポート枯渇の対策').terms.map((x) => x.term)).toEqual(
      expect.arrayContaining(['port', 'exhaustion', 'fix']),
    );
  });

  it('maps Korean stems with their particles attached', () => {
    const t = terms('CLOSE_WAIT 상태가 많이 쌓이는 원인');
    expect(t).toEqual(
      expect.arrayContaining(['state_close_wait', stem('state'), 'many', stem('cause')]),
    );
    expect(terms('포트 고갈 해결 방법')).toEqual(
      expect.arrayContaining(['port', 'exhaustion', 'fix']),
    );
  });

  it('maps Russian words by their stems, whatever the ending', () => {
    const t = terms('Почему много соединений в состоянии TIME_WAIT?');
    expect(t).toEqual(
      expect.arrayContaining(['state_time_wait', 'many', 'connection', stem('state')]),
    );
    expect(ask('почему').intents.has('why')).toBe(true);
  });

  it('folds accents and maps German, Spanish and Portuguese words', () => {
    expect(terms('Zu viele Verbindungen im Zustand CLOSE_WAIT')).toEqual(
      expect.arrayContaining(['state_close_wait', 'connection', stem('state')]),
    );
    expect(terms('muchas conexiones en estado TIME_WAIT, cómo reducir')).toEqual(
      expect.arrayContaining(['state_time_wait', 'connection', stem('state'), 'reduce']),
    );
    expect(terms('esgotamento de portas, conexões presas')).toEqual(
      expect.arrayContaining(['exhaustion', 'port', 'connection', 'stuck']),
    );
  });

  it('leaves English words that merely begin like a foreign stem alone', () => {
    expect(terms('a significant number of portable offenders')).not.toEqual(
      expect.arrayContaining(['meaning']),
    );
    expect(terms('a significant number of portable offenders')).not.toContain('port');
  });

  it('keeps unknown text of any script as terms, so it can match itself', () => {
    expect(terms('Привет')).toEqual(['привет']);
    expect(ask('설명해').terms.map((x) => x.term)).toEqual(['설명', '명해']);
  });
});

describe('intents and implied states', () => {
  it('detects what the question asks for', () => {
    expect([...ask('how can I fix lots of CLOSE_WAIT').intents]).toEqual(
      expect.arrayContaining(['fix', 'many']),
    );
    expect(ask('kill close_wait connections').intents.has('clear')).toBe(true);
    expect(ask('what is TIME_WAIT').intents.has('what')).toBe(true);
    expect(ask('为什么会这样').intents.has('why')).toBe(true);
    expect(ask('如何解决').intents.has('fix')).toBe(true);
    expect(ask('sockets stuck in FIN_WAIT_2').intents.has('stuck')).toBe(true);
    expect(ask('CLOSE_WAIT 连接怎么关闭').intents.has('clear')).toBe(true);
    expect(ask('how does TCP close a connection').intents.has('clear')).toBe(false);
  });

  it('reads a state from its description when none is named', () => {
    expect([...ask('closed by the client but our proxy left them unclosed').impliedStates]).toEqual(
      ['CLOSE_WAIT'],
    );
    expect([...ask('peers that never close their side').impliedStates]).toEqual(['FIN_WAIT_2']);
    expect(ask('what is tcp keepalive').impliedStates.size).toBe(0);
  });
});

describe('hostile input', () => {
  it('handles long, repetitive and binary text without throwing', () => {
    const inputs = [
      'a'.repeat(20_000),
      'time '.repeat(4_000),
      `${'-'.repeat(20_000)}x`,
      'not '.repeat(4_000),
      '\u0000\u0001\uFFFD'.repeat(4_000),
      '连接'.repeat(4_000),
      'fin wait '.repeat(2_000),
      'closed by the client '.repeat(1_000),
    ];
    for (const input of inputs) expect(() => ask(input)).not.toThrow();
  });
});
