import { describe, expect, it } from 'vitest';
import {
  followUpIntent,
  isQuestionLike,
  parseCommand,
  splitMessage,
  statesNamed,
  stripLeadingMentions,
} from '../../src/bot/route.js';
import { looksLikeSocketTable } from '../../src/netstat/index.js';

const split = (text: string, attachments = []) =>
  splitMessage(text, attachments, looksLikeSocketTable);

describe('parseCommand', () => {
  it.each([
    ['help', { name: 'help' }],
    ['/help', { name: 'help' }],
    ['!HELP', { name: 'help' }],
    ['help?', { name: 'help' }],
    ['topics', { name: 'topics' }],
    ['/about', { name: 'about' }],
    ['version', { name: 'about' }],
    ['explain close-wait', { name: 'explain', topic: 'close-wait' }],
    ['!explain  TIME_WAIT ', { name: 'explain', topic: 'TIME_WAIT' }],
    ['/tcp explain tcp_tw_recycle', { name: 'explain', topic: 'tcp_tw_recycle' }],
    ['/tcp ask why so many TIME_WAIT', { name: 'ask', question: 'why so many TIME_WAIT' }],
    ['<@U0BOT> help', { name: 'help' }],
    ['/tcp', { name: 'help' }],
    ['explain', { name: 'topics' }],
  ])('reads %j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it('leaves questions that start with a command word alone', () => {
    expect(parseCommand('help me understand TIME_WAIT')).toBeUndefined();
    expect(parseCommand('about that CLOSE_WAIT thing')).toBeUndefined();
    expect(parseCommand('ask the team')).toBeUndefined();
    expect(parseCommand('why so many TIME_WAIT?')).toBeUndefined();
  });

  it('strips leading bot mentions', () => {
    expect(stripLeadingMentions('<@U123> <@!456>  hi')).toBe('hi');
  });
});

describe('splitMessage', () => {
  const table =
    'tcp 0 0 10.0.0.1:8080 10.0.0.2:5555 CLOSE_WAIT\ntcp 0 0 10.0.0.1:8080 10.0.0.3:5556 CLOSE_WAIT';

  it('finds a bare table and no question', () => {
    expect(split(table)).toEqual({ paste: table, question: '' });
  });

  it('peels question lines before and after a table without blank lines', () => {
    const r = split(`why so many CLOSE_WAIT here?\n${table}\nis this bad?`);
    expect(r.paste).toBe(table);
    expect(r.question).toBe('why so many CLOSE_WAIT here?\nis this bad?');
  });

  it('takes fenced content as the paste and the prose around it as the question', () => {
    const r = split(`Is this a leak?\n\n\`\`\`text\n${table}\n\`\`\`\n`);
    expect(r.paste).toBe(table);
    expect(r.question).toBe('Is this a leak?');
  });

  it('keeps the command line with the paste, and drops statements that ask nothing', () => {
    const r = split(
      `Here is the output from our gateway box:\n\n$ netstat -tan | grep 8080\n${table}`,
    );
    expect(r.paste).toContain('$ netstat -tan | grep 8080');
    expect(r.question).toBe('');
  });

  it('counts attachments as paste text', () => {
    const r = split('what is wrong here?', [{ name: 'ss.txt', text: table }] as never);
    expect(r).toEqual({ paste: table, question: 'what is wrong here?' });
  });

  it('does not take a fenced config snippet or a sentence naming a state for a table', () => {
    expect(split('Should I set this?\n```\nnet.ipv4.tcp_tw_reuse = 1\n```').paste).toBeUndefined();
    expect(
      split('Unexpected: So many SYN_SENT PENDING connections to the device when it is down').paste,
    ).toBeUndefined();
  });
});

describe('question and follow-up reading', () => {
  it('recognises questions in several languages', () => {
    expect(isQuestionLike('why so many TIME_WAIT')).toBe(true);
    expect(isQuestionLike('Sockets in CLOSE_WAIT?')).toBe(true);
    expect(isQuestionLike('这个是正常的吗')).toBe(true);
    expect(isQuestionLike('tcp 0 0 1.2.3.4:80 5.6.7.8:9 ESTABLISHED')).toBe(false);
  });

  it('names states in any spelling, but not English words', () => {
    expect(statesNamed('FIN_WAIT2 and close-wait, TIMED_WAIT')).toEqual([
      'FIN_WAIT_2',
      'CLOSE_WAIT',
      'TIME_WAIT',
    ]);
    expect(statesNamed('an established business, we listen')).toEqual([]);
  });

  it('reads follow-up intents in the context of the last verdict', () => {
    const ctx = ['CLOSE_WAIT'] as const;
    expect(followUpIntent('what do I do about it?', [...ctx])).toBe('fix');
    expect(followUpIntent('how do I fix it', [...ctx])).toBe('fix');
    expect(followUpIntent('is this bad?', [...ctx])).toBe('severity');
    expect(followUpIntent('should I worry about these CLOSE_WAIT?', [...ctx])).toBe('severity');
    expect(followUpIntent('why?', [...ctx])).toBe('cause');
    expect(followUpIntent('how do I fix TIME_WAIT', [...ctx])).toBeUndefined();
    expect(followUpIntent('ok', [...ctx])).toBeUndefined();
    expect(followUpIntent('fine, thanks', [...ctx])).toBeUndefined();
    expect(followUpIntent('next steps', [...ctx])).toBe('fix');
    expect(
      followUpIntent('what is the difference between tcp_tw_reuse and tcp_tw_recycle', [...ctx]),
    ).toBeUndefined();
  });
});
