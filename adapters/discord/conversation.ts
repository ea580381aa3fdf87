/** The conversation-memory key of a Discord channel, thread or DM (a thread is a channel). */
export function conversationKey(channelId: string): string {
  return `discord:${channelId}`;
}
