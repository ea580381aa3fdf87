/** Reply builders: every Reply the bot sends is composed here. */
export { answerReply, explainReply, sectionOf } from './answerReply.js';
export {
  compareVerdicts,
  deltaParagraph,
  describeChange,
  type StateChange,
  type Trend,
} from './delta.js';
export { type FollowUpIntent, focusFinding, followUpReply } from './followUpReply.js';
export { formatCount, formatDuration, formatRate, renderKbLinks } from './format.js';
export {
  aboutReply,
  EXAMPLE_QUESTIONS,
  fallbackReply,
  helpReply,
  needPasteReply,
  nothingReadReply,
  topicsReply,
  unknownTopicReply,
} from './staticReplies.js';
export {
  mainArticle,
  readSummary,
  replyFinding,
  stateChart,
  type VerdictReplyInput,
  verdictReply,
} from './verdictReply.js';
