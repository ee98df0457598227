// Sends a message through an incoming webhook: Slack answers only `ok` or an HTTP error with plain text.
import { type Clock, httpAttempt, parseRetryAfter, systemClock, TransientError } from '@flowkit/core';
import { SlackApiError } from './errors.ts';

/** Posts `payload` once. Throws SlackApiError for Slack's refusals and TransientError for what may pass. */
export async function postToWebhookOnce(
  webhookUrl: string,
  payload: Record<string, unknown>,
  options: { timeoutMs?: number; clock?: Clock } = {},
): Promise<void> {
  const clock = options.clock ?? systemClock;
  // The label, not the URL: the URL is a secret.
  const response = await httpAttempt(
    {
      method: 'POST',
      url: webhookUrl,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(payload),
      timeoutMs: Math.max(1, options.timeoutMs ?? 10_000),
    },
    'webhook',
  );
  const text = response.body.trim();
  if (response.status === 200) return;
  if (response.status === 429) {
    throw new TransientError('the webhook was rate limited by Slack', {
      retryAfterMs: parseRetryAfter(response.headers['retry-after'], clock.now()) ?? 1000,
      hadNoEffect: true,
    });
  }
  if (response.status >= 500) throw new TransientError(`the webhook answered HTTP ${response.status}`);
  const code = /^[a-z_]+$/.test(text) ? text : `http_${response.status}`;
  throw new SlackApiError('webhook', code);
}
