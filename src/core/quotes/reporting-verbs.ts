/**
 * The reporting verbs and phrases of news English that attribute a statement to a speaker.
 *
 * `strong` verbs report speech on their own ("Xi said ...", "..., Ruto added.").
 * `weak` verbs also describe non-speech acts ("maintained close communication", "welcomed Xi with a
 * ceremony", "proposed the Silk Road Economic Belt"), so when they stand before the statement they count
 * only if a `that` clause or a speech-content noun ("expressed gratitude", "conveyed regards") follows.
 * Present-tense forms that are also common plural nouns (`remarks`, `states`, `reports`) are left out.
 * After or inside the statement ("..., he recalled.") a weak verb counts like a strong one.
 */
export type VerbStrength = 'strong' | 'weak';

export interface ReportingVerb {
  /** Lemma, for documentation and grouping. */
  lemma: string;
  /** Surface forms as they appear after a speaker, lower case; phrases are space-separated words. */
  forms: string[];
  strength: VerbStrength;
}

export const REPORTING_VERBS: readonly ReportingVerb[] = [
  { lemma: 'say', forms: ['said', 'says'], strength: 'strong' },
  { lemma: 'add', forms: ['added', 'adds'], strength: 'strong' },
  { lemma: 'note', forms: ['noted', 'notes'], strength: 'strong' },
  { lemma: 'stress', forms: ['stressed', 'stresses'], strength: 'strong' },
  { lemma: 'point out', forms: ['pointed out', 'points out'], strength: 'strong' },
  { lemma: 'emphasize', forms: ['emphasized', 'emphasizes', 'emphasised', 'emphasises'], strength: 'strong' },
  { lemma: 'underscore', forms: ['underscored', 'underscores'], strength: 'strong' },
  { lemma: 'underline', forms: ['underlined', 'underlines'], strength: 'strong' },
  { lemma: 'highlight', forms: ['highlighted', 'highlights'], strength: 'strong' },
  { lemma: 'call on', forms: ['called on', 'calls on', 'called upon', 'calls upon'], strength: 'strong' },
  { lemma: 'call for', forms: ['called for', 'calls for'], strength: 'strong' },
  { lemma: 'urge', forms: ['urged', 'urges'], strength: 'strong' },
  { lemma: 'tell', forms: ['told', 'tells'], strength: 'strong' },
  { lemma: 'state', forms: ['stated'], strength: 'strong' },
  { lemma: 'warn', forms: ['warned', 'warns'], strength: 'strong' },
  { lemma: 'assert', forms: ['asserted', 'asserts'], strength: 'strong' },
  { lemma: 'affirm', forms: ['affirmed', 'affirms', 'reaffirmed', 'reaffirms'], strength: 'strong' },
  { lemma: 'reiterate', forms: ['reiterated', 'reiterates'], strength: 'strong' },
  { lemma: 'explain', forms: ['explained', 'explains'], strength: 'strong' },
  { lemma: 'remark', forms: ['remarked'], strength: 'strong' },
  { lemma: 'vow', forms: ['vowed', 'vows'], strength: 'strong' },
  { lemma: 'pledge', forms: ['pledged', 'pledges'], strength: 'strong' },
  { lemma: 'credit', forms: ['credited', 'credits'], strength: 'strong' },
  { lemma: 'praise', forms: ['praised', 'praises'], strength: 'strong' },
  { lemma: 'hail', forms: ['hailed', 'hails'], strength: 'strong' },
  { lemma: 'commend', forms: ['commended', 'commends'], strength: 'strong' },
  { lemma: 'insist', forms: ['insisted', 'insists'], strength: 'strong' },
  { lemma: 'argue', forms: ['argued', 'argues'], strength: 'strong' },
  { lemma: 'announce', forms: ['announced', 'announces'], strength: 'strong' },
  { lemma: 'reply', forms: ['replied', 'replies'], strength: 'strong' },
  { lemma: 'declare', forms: ['declared', 'declares'], strength: 'strong' },
  { lemma: 'comment', forms: ['commented'], strength: 'strong' },
  { lemma: 'testify', forms: ['testified', 'testifies'], strength: 'strong' },
  { lemma: 'quip', forms: ['quipped'], strength: 'strong' },
  { lemma: 'concede', forms: ['conceded', 'concedes'], strength: 'strong' },
  { lemma: 'contend', forms: ['contended', 'contends'], strength: 'strong' },
  { lemma: 'complain', forms: ['complained', 'complains'], strength: 'strong' },
  { lemma: 'look forward to', forms: ['looked forward to', 'looks forward to'], strength: 'strong' },
  { lemma: 'express', forms: ['expressed', 'expresses'], strength: 'weak' },
  { lemma: 'convey', forms: ['conveyed', 'conveys'], strength: 'weak' },
  { lemma: 'extend', forms: ['extended', 'extends'], strength: 'weak' },
  { lemma: 'voice', forms: ['voiced', 'voices'], strength: 'weak' },
  { lemma: 'welcome', forms: ['welcomed', 'welcomes'], strength: 'weak' },
  { lemma: 'agree', forms: ['agreed', 'agrees'], strength: 'weak' },
  { lemma: 'maintain', forms: ['maintained', 'maintains'], strength: 'weak' },
  { lemma: 'observe', forms: ['observed', 'observes'], strength: 'weak' },
  { lemma: 'acknowledge', forms: ['acknowledged', 'acknowledges'], strength: 'weak' },
  { lemma: 'recall', forms: ['recalled', 'recalls'], strength: 'weak' },
  { lemma: 'propose', forms: ['proposed', 'proposes'], strength: 'weak' },
  { lemma: 'suggest', forms: ['suggested', 'suggests'], strength: 'weak' },
  { lemma: 'hope', forms: ['hoped'], strength: 'weak' },
  { lemma: 'believe', forms: ['believed', 'believes'], strength: 'weak' },
  { lemma: 'recognize', forms: ['recognized', 'recognizes', 'recognised', 'recognises'], strength: 'weak' },
  { lemma: 'admit', forms: ['admitted', 'admits'], strength: 'weak' },
  { lemma: 'claim', forms: ['claimed'], strength: 'weak' },
  { lemma: 'predict', forms: ['predicted', 'predicts'], strength: 'weak' },
  { lemma: 'confirm', forms: ['confirmed', 'confirms'], strength: 'weak' },
  { lemma: 'report', forms: ['reported'], strength: 'weak' },
  // "asked for bail", "asked the court to ...": a request, unless a question follows or it closes the statement.
  { lemma: 'ask', forms: ['asked'], strength: 'weak' },
  { lemma: 'continue', forms: ['continued'], strength: 'weak' },
  { lemma: 'indicate', forms: ['indicated', 'indicates'], strength: 'weak' },
  { lemma: 'write', forms: ['wrote', 'writes'], strength: 'weak' },
  { lemma: 'charge', forms: ['charged'], strength: 'weak' },
  { lemma: 'disclose', forms: ['disclosed', 'discloses'], strength: 'weak' },
  { lemma: 'reveal', forms: ['revealed', 'reveals'], strength: 'weak' },
  { lemma: 'promise', forms: ['promised', 'promises'], strength: 'weak' },
  { lemma: 'estimate', forms: ['estimated', 'estimates'], strength: 'weak' },
];

/**
 * Nouns that make a weak verb report speech: "expressed gratitude", "conveyed warm regards",
 * "extended congratulations". Plural and singular forms are both listed.
 */
export const SPEECH_CONTENT_NOUNS: ReadonlySet<string> = new Set([
  'appreciation',
  'belief',
  'concern',
  'concerns',
  'condolences',
  'confidence',
  'congratulations',
  'desire',
  'eagerness',
  'gratitude',
  'greetings',
  'hope',
  'hopes',
  'invitation',
  'opposition',
  'pleasure',
  'readiness',
  'regards',
  'regret',
  'satisfaction',
  'support',
  'sympathy',
  'thanks',
  'welcome',
  'willingness',
  'wishes',
]);
