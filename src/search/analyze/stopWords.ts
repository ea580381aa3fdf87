/** English function words and chat filler that carry no topic. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before
being below between both but by can can't cannot could couldn't did didn't do does doesn't doing
don't down during each few for from further had hadn't has hasn't have haven't having he her here
hers herself him himself his how i i'm if in into is isn't it it's its itself just let's me more
most my myself no nor not of off on once only or other ought our ours ourselves out over own same
she should shouldn't so some such than that that's the their theirs them themselves then there
there's these they this those through to too under until up very was wasn't we were weren't what
what's when where which while who whom why will with won't would wouldn't you your yours yourself
yourselves please hi hello hey thanks thank help anyone someone somebody guys question questions
know tell explain exactly really actually pretty seem seems since get gets got getting still
even ever may might must shall via etc e.g i.e ok okay any way there's else one two also
appreciate kindly wondering wonder anybody here's work works working worked use using used
anyway something thing things stuff`
    .split(/\s+/)
    .filter(Boolean),
);
