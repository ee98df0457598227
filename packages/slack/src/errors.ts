// Slack's refusals, explained with the fix, and which of them are worth retrying.

/** Slack answered `ok: false` (Web API) or an HTTP error (incoming webhook). */
export class SlackApiError extends Error {
  /** Slack's error code, e.g. `channel_not_found`. */
  readonly code: string;
  readonly method: string;
  /** For `missing_scope`: the scope Slack says is needed. */
  readonly needed: string | undefined;
  /** Details Slack gave (`response_metadata.messages`, e.g. which block is invalid). */
  readonly details: string[];

  constructor(method: string, code: string, options: { needed?: string; details?: string[] } = {}) {
    const details = options.details ?? [];
    super(
      `${method} failed: ${code}${details.length > 0 ? ` (${details.join('; ')})` : ''}. ${explain(code, options.needed)}`,
    );
    this.name = 'SlackApiError';
    this.code = code;
    this.method = method;
    this.needed = options.needed;
    this.details = details;
  }
}

const FIXES: Record<string, string> = {
  not_authed:
    'No token reached Slack: check that the secret passed as `token` exists in this repository or organization.',
  invalid_auth:
    'Slack does not accept the token: copy the Bot User OAuth Token (xoxb-…) again from the app’s OAuth & Permissions page.',
  token_revoked: 'The token was revoked: reinstall the Slack app and update the secret.',
  token_expired:
    'The token expired: reinstall the Slack app (or refresh a rotating token) and update the secret.',
  account_inactive: 'The bot or its workspace is deactivated: reinstall the Slack app and update the secret.',
  no_permission: 'The token may not do this: check the app’s scopes and that an admin approved it.',
  channel_not_found:
    'Slack cannot find the channel, or the bot cannot see it: use the channel ID (C…, from the channel’s details), and for a private channel invite the bot with /invite @your-app.',
  not_in_channel:
    'The bot is not a member of the channel: invite it with /invite @your-app, or add the chat:write.public scope to post in public channels without joining.',
  is_archived: 'The channel is archived: unarchive it or send to another channel.',
  channel_is_archived: 'The channel is archived: unarchive it or create a new webhook for another channel.',
  msg_too_long: 'The message text is longer than Slack allows (40,000 characters): shorten it.',
  no_text: 'The message has no text and no blocks: give a template, or a payload with text or blocks.',
  invalid_blocks:
    'Slack rejected the blocks: check the payload against Block Kit (app.slack.com/block-kit-builder).',
  invalid_blocks_format: 'The blocks are not a list of Block Kit blocks: check the payload’s `blocks`.',
  invalid_metadata_format: 'The message metadata must be {event_type, event_payload}.',
  message_not_found:
    'The message to update no longer exists (deleted?): run again without it to post a new one.',
  cant_update_message:
    'Only messages the bot itself posted can be updated: the key points at someone else’s message.',
  edit_window_closed: 'The workspace does not allow editing this message any more.',
  thread_not_found: 'The thread to reply to no longer exists.',
  restricted_action: 'A workspace preference prevents the bot from posting in this channel.',
  users_not_found: 'No Slack user has this email address.',
  ratelimited: 'Slack rate-limited the calls: the notification was retried until the time budget ran out.',
  rate_limited: 'Slack rate-limited the webhook: the notification was retried until the time budget ran out.',
  invalid_payload:
    'Slack could not read the webhook payload: check the payload is a JSON object with text or blocks.',
  no_service:
    'The webhook URL is unknown or the webhook was removed: create a new incoming webhook and update the secret.',
  no_active_hooks: 'The webhook is disabled: re-enable it in the Slack app’s Incoming Webhooks page.',
  action_prohibited: 'An admin restricted this webhook: ask a workspace admin.',
  posting_to_general_channel_denied: 'Only admins may post in this channel.',
  team_disabled: 'The Slack workspace is disabled.',
};

/** The fix for a Slack error code, for messages shown to users. */
export function explain(code: string, needed?: string): string {
  if (code === 'missing_scope') {
    const scope = needed ? `the ${needed} scope` : 'a scope';
    return `The token lacks ${scope}: add it on the app’s OAuth & Permissions page, reinstall the app, and update the secret.`;
  }
  return FIXES[code] ?? 'See the Slack API documentation for this error.';
}

/**
 * Errors where Slack may or may not have acted, and where trying again may work
 * (server trouble). Rate limits are handled separately: they never act.
 */
export const SERVER_TROUBLE = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);
