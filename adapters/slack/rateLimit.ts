/** The core's per-user and per-channel rate limit, as the Slack adapter uses it. */
export {
  type RateDecision,
  RateLimiter,
  UserChannelRateLimit,
} from '../../src/bot/rateLimit.js';
