#!/usr/bin/env node
/**
 * The `tcp-triage` command. Each subcommand's module is imported only when used, so
 * `tcp-triage ask` does not pay for loading the chat adapters (cold start matters: it is
 * what people and scripts run).
 */
import { readFileSync } from 'node:fs';
import { type CliIo, processIo } from './cli/io.js';

const HELP = `tcp-triage: on-call runbook assistant for TCP connection states

Usage:
  tcp-triage                          chat in the terminal; with stdin piped, answer it once
  tcp-triage ask [--json] QUESTION    answer from the knowledge base
  tcp-triage triage [--json] [FILE]   triage netstat/ss output from FILE or stdin
  tcp-triage serve                    start the Slack and/or Discord adapters configured in env
  tcp-triage live [--json]            triage this host's own sockets (procfs, or the OS's netstat)
  tcp-triage watch [--every 10s] [--webhook URL] [--metrics-port P]
                                      sample the host, alert a webhook, serve /metrics
  tcp-triage --help | --version

Examples:
  ss -tanp | tcp-triage triage
  netstat -an | awk '{print $6}' | sort | uniq -c | tcp-triage triage --json
  tcp-triage ask "why so many TIME_WAIT?"
`;

/** The package version, read from package.json beside dist/. */
function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** What each command module exports (`src/cli/<name>.ts`). */
interface CommandModules {
  chat: { runChat(io: CliIo): Promise<number> };
  ask: { runAsk(args: string[], io: CliIo): Promise<number> };
  triage: { runTriage(args: string[], io: CliIo): Promise<number> };
  serve: { runServe(io: CliIo): Promise<number> };
  live: { runLive(args: string[], io: CliIo): Promise<number> };
  watch: { runWatch(args: string[], io: CliIo): Promise<number> };
}

/** Loads one command's module on demand. */
async function load<K extends keyof CommandModules>(name: K): Promise<CommandModules[K]> {
  return (await import(`./cli/${name}.js`)) as CommandModules[K];
}

/** Runs the command line and returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'chat': {
      return (await load('chat')).runChat(io);
    }
    case 'ask': {
      return (await load('ask')).runAsk(rest, io);
    }
    case 'triage': {
      return (await load('triage')).runTriage(rest, io);
    }
    case 'serve': {
      return (await load('serve')).runServe(io);
    }
    case 'live':
      return (await load('live')).runLive(rest, io);
    case 'watch':
      return (await load('watch')).runWatch(rest, io);
    case '-h':
    case '--help':
    case 'help':
      io.stdout.write(HELP);
      return 0;
    case '-v':
    case '--version':
      io.stdout.write(`${version()}\n`);
      return 0;
    default:
      io.stderr.write(`tcp-triage: unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}

const io = processIo();
// A reader that goes away (`| head`) is not an error: stop quietly, as other tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    io.stderr.write(
      `tcp-triage: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
