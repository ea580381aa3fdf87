/**
 * The app manifest matches what the adapter does: every event it listens to is subscribed,
 * every Web API method it calls has its scope, the /tcp command and interactivity (the share
 * button) are there, and Socket Mode is on (the default that needs no public URL).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Manifest {
  features: {
    slash_commands: { command: string; should_escape: boolean }[];
    app_home: Record<string, boolean>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(
  readFileSync(new URL('../../adapters/slack/manifest.yaml', import.meta.url), 'utf8'),
) as Manifest;

// What the adapter's source uses, and the scope Slack requires for it.
const NEEDS: Record<string, string> = {
  'chat.postMessage': 'chat:write',
  'reactions.add': 'reactions:write',
  'reactions.remove': 'reactions:write',
  'files.info': 'files:read',
  app_mention: 'app_mentions:read',
  'message.channels': 'channels:history',
  'message.groups': 'groups:history',
  'message.im': 'im:history',
  '/tcp': 'commands',
};

function adapterSource(): string {
  const files = [
    'listeners.ts',
    'responder.ts',
    'poster.ts',
    'commands.ts',
    'routing.ts',
    'files.ts',
  ];
  return files
    .map((f) => readFileSync(new URL(`../../adapters/slack/${f}`, import.meta.url), 'utf8'))
    .join('\n');
}

describe('manifest.yaml', () => {
  const scopes = new Set(manifest.oauth_config.scopes.bot);
  const events = new Set(manifest.settings.event_subscriptions.bot_events);

  it('grants a scope for every Web API method the adapter calls', () => {
    const source = adapterSource();
    const called = [...source.matchAll(/client\.(\w+)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`);
    expect(called.length).toBeGreaterThan(0);
    for (const method of called) {
      expect(NEEDS[method], `scope for ${method}`).toBeDefined();
      expect(scopes.has(NEEDS[method] as string), `${method} needs ${NEEDS[method]}`).toBe(true);
    }
  });

  it('subscribes to the events the adapter answers, with their scopes', () => {
    for (const e of ['app_mention', 'message.channels', 'message.groups', 'message.im']) {
      expect(events.has(e)).toBe(true);
      expect(scopes.has(NEEDS[e] as string)).toBe(true);
    }
  });

  it('declares /tcp, interactivity for the share button, DMs and Socket Mode', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/tcp']);
    expect(manifest.features.slash_commands[0]?.should_escape).toBe(false);
    expect(scopes.has('commands')).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('asks for nothing the adapter does not use', () => {
    expect([...scopes].sort()).toEqual([...new Set(Object.values(NEEDS))].sort());
  });
});
