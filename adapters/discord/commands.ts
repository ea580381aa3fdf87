/**
 * The `/tcp` slash command: one command with four subcommands. Deployed by
 * deployCommands.ts and answered by interactionHandler.ts; the names here are shared by both.
 */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from 'discord.js';

/** Names of the command, its subcommands and options. */
export const TcpCommand = Object.freeze({
  name: 'tcp',
  ask: 'ask',
  triage: 'triage',
  help: 'help',
  explain: 'explain',
  question: 'question',
  paste: 'paste',
  file: 'file',
  topic: 'topic',
});

/** Longest question accepted in `/tcp ask`. */
export const MAX_QUESTION_LENGTH = 1_000;
/** Discord's ceiling for a string option; longer pastes go in the file option. */
export const MAX_PASTE_LENGTH = 6_000;

/** Builds the `/tcp` command. */
export function buildTcpCommand(): SlashCommandBuilder {
  const command = new SlashCommandBuilder()
    .setName(TcpCommand.name)
    .setDescription('TCP connection states: triage netstat/ss output or ask a question')
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM);
  command.addSubcommand((sub) =>
    sub
      .setName(TcpCommand.ask)
      .setDescription('Ask about a TCP state or a fix (e.g. "why so many TIME_WAIT?")')
      .addStringOption((option) =>
        option
          .setName(TcpCommand.question)
          .setDescription('Your question')
          .setRequired(true)
          .setMaxLength(MAX_QUESTION_LENGTH),
      ),
  );
  command.addSubcommand((sub) =>
    sub
      .setName(TcpCommand.triage)
      .setDescription('Triage netstat/ss output: paste it, or attach it as a .txt/.log file')
      .addStringOption((option) =>
        option
          .setName(TcpCommand.paste)
          // Discord turns newlines in a string option into spaces: listings belong in `file`.
          .setDescription(
            'Counts such as `uniq -c` output (newlines are lost here: attach listings as a file)',
          )
          .setMaxLength(MAX_PASTE_LENGTH),
      )
      .addAttachmentOption((option) =>
        option.setName(TcpCommand.file).setDescription('A .txt or .log file with the output'),
      ),
  );
  command.addSubcommand((sub) =>
    sub.setName(TcpCommand.help).setDescription('What this bot does and how to use it'),
  );
  command.addSubcommand((sub) =>
    sub
      .setName(TcpCommand.explain)
      .setDescription('Explain a TCP state or topic')
      .addStringOption((option) =>
        option
          .setName(TcpCommand.topic)
          .setDescription('A state or topic, e.g. TIME_WAIT')
          .setRequired(true)
          .setAutocomplete(true)
          .setMaxLength(100),
      ),
  );
  return command;
}

/** The JSON body the REST API takes for all of this bot's commands. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [buildTcpCommand().toJSON()];
}
