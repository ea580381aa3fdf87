import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDeployCommands } from '../../adapters/discord/deployCommands.js';
import { FakeDiscord } from '../fakes/discordFake.js';
import { fakeEnv } from './harness.js';

/** A stream that keeps what was written to it. */
function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => chunks.join('') });
}

const text = expect.any(String);

/** The one command the bot registers, as Discord's API takes it. */
const EXPECTED_COMMANDS = [
  {
    type: 1,
    name: 'tcp',
    description: text,
    contexts: [0, 1],
    integration_types: [0],
    options: [
      {
        type: 1,
        name: 'ask',
        description: text,
        options: [
          { type: 3, name: 'question', description: text, required: true, max_length: 1000 },
        ],
      },
      {
        type: 1,
        name: 'triage',
        description: text,
        options: [
          { type: 3, name: 'paste', description: text, required: false, max_length: 6000 },
          { type: 11, name: 'file', description: text, required: false },
        ],
      },
      { type: 1, name: 'help', description: text, options: [] },
      {
        type: 1,
        name: 'explain',
        description: text,
        options: [
          {
            type: 3,
            name: 'topic',
            description: text,
            required: true,
            autocomplete: true,
            max_length: 100,
          },
        ],
      },
    ],
  },
];

function descriptions(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(descriptions);
  if (node && typeof node === 'object') {
    const own = 'description' in node ? [String(node.description)] : [];
    return [...own, ...Object.values(node).flatMap(descriptions)];
  }
  return [];
}

let fake: FakeDiscord;
beforeEach(async () => {
  fake = await FakeDiscord.start();
});
afterEach(async () => {
  await fake.close();
});

describe('discord:deploy-commands', () => {
  it('registers the commands in one guild when DISCORD_GUILD_ID is set', async () => {
    const out = sink();
    const err = sink();
    const status = await runDeployCommands(
      fakeEnv(fake, { DISCORD_GUILD_ID: fake.guildId }),
      out,
      err,
    );
    expect(err.text()).toBe('');
    expect(status).toBe(0);
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual([
      `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`,
    ]);
    expect(puts[0]?.headers.authorization).toBe(`Bot ${fake.token}`);
    expect(puts[0]?.body).toEqual(EXPECTED_COMMANDS);
    for (const d of descriptions(puts[0]?.body)) expect(d.length).toBeLessThanOrEqual(100);
    expect(out.text()).toBe(
      `Registered /tcp for guild ${fake.guildId}.\n` +
        `Invite the bot with: https://discord.com/oauth2/authorize?client_id=${fake.applicationId}` +
        '&scope=bot+applications.commands&permissions=274877991936\n',
    );
    expect(out.text()).not.toContain(fake.token);
  });

  it('registers globally without a guild id', async () => {
    const out = sink();
    const status = await runDeployCommands(fakeEnv(fake), out, sink());
    expect(status).toBe(0);
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual([`/applications/${fake.applicationId}/commands`]);
    expect(puts[0]?.body).toEqual(EXPECTED_COMMANDS);
    expect(out.text()).toMatch(/^Registered \/tcp for all servers \(global\)\./);
  });

  it('stops with status 2 naming a missing variable, calling nothing', async () => {
    const err = sink();
    const env = fakeEnv(fake);
    delete env.DISCORD_APPLICATION_ID;
    expect(await runDeployCommands(env, sink(), err)).toBe(2);
    expect(err.text()).toMatch(/DISCORD_APPLICATION_ID is not set/);
    expect(fake.requests).toEqual([]);
  });

  it('reports a refused token with status 1, without printing it', async () => {
    const err = sink();
    const env = fakeEnv(fake, { DISCORD_TOKEN: 'd3Jvbmc.wrong.dG9rZW4tdmFsdWU' });
    expect(await runDeployCommands(env, sink(), err)).toBe(1);
    expect(err.text()).toMatch(/Discord refused the commands: .*Unauthorized/);
    expect(err.text()).not.toContain('d3Jvbmc.wrong');
  });
});
