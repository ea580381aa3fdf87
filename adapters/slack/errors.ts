/**
 * Coded errors of the Slack adapter, so callers (and `tcp-triage serve`) can tell a bad
 * setting from a Slack outage without parsing messages. No message ever carries a token.
 */

export type SlackAdapterErrorCode =
  | 'slack_config_invalid'
  | 'slack_auth_failed'
  | 'slack_start_failed'
  | 'slack_file_rejected';

/** Base class: every error the adapter throws on purpose has a stable `code`. */
export class SlackAdapterError extends Error {
  readonly code: SlackAdapterErrorCode;

  constructor(code: SlackAdapterErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SlackAdapterError';
    this.code = code;
  }
}

/** A missing or malformed environment variable; `variable` names it, the value is never shown. */
export class SlackConfigError extends SlackAdapterError {
  readonly variable: string;

  constructor(variable: string, problem: string) {
    super('slack_config_invalid', `${variable}: ${problem}`);
    this.name = 'SlackConfigError';
    this.variable = variable;
  }
}

/** A shared file the adapter will not read (too large, not text, download failed). */
export class SlackFileError extends SlackAdapterError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('slack_file_rejected', message, options);
    this.name = 'SlackFileError';
  }
}
