/**
 * Word lists that tell people from organisations from ordinary capitalised words: titles,
 * organisation head words, role nouns, common first names, calendar words and the common
 * words that are capitalised only because they open a sentence. All lower case.
 */

import { isActorNoun, isKnownFemaleName, isKnownFirstName, isKnownMaleName } from './lexicon.ts';
import { toWordSet } from './word-set.ts';

/** A has-only view of a word class, backed by the lexicon and a small supplement. */
export interface WordClass {
  has(word: string): boolean;
}

/** Titles written before a name ("President", "Foreign Minister", "Mr"); they become the role. */
export const TITLE_WORDS = toWordSet(`president vice prime minister foreign defense defence interior finance deputy
chancellor secretary general gen lt col colonel major capt captain sgt sergeant admiral commander chief
governor gov senator sen representative rep mayor king queen prince princess emperor sheikh pope cardinal
bishop archbishop rabbi imam reverend rev father sister judge justice ambassador envoy spokesman spokeswoman
chairman chairwoman chair director leader premier president-elect first lady lord lady sir dame dr prof
professor mr mrs ms miss mx coach detective inspector superintendent constable officer agent marshal
patriarch speaker mp senior state health education trade economy economic energy transport culture justice
home labour labor environment agriculture executive ceo founder owner minister-president crown acting former
opposition supreme military army police det supt insp ch dci di ds pc sgt cllr councillor
attorney-general surgeon-general solicitor-general secretary-general tsar czar tsarina tsarevna tsarevich empress
regent duke duchess earl marquis baron baroness`);

/** Titles that alone mark their holder as a person ("Mr", "President", "Minister"). */
export const PERSON_TITLES = toWordSet(`president minister chancellor secretary general gen governor senator mayor
king queen prince princess emperor pope cardinal bishop archbishop rabbi imam reverend rev judge ambassador
envoy spokesman spokeswoman chairman chairwoman director leader premier lord lady sir dame dr prof professor
mr mrs ms miss detective inspector colonel captain admiral commander sergeant ceo founder owner patriarch
det supt insp dci sgt cllr councillor executive secretary-general tsar czar tsarina tsarevna empress regent duke
duchess earl marquis baron baroness`);

/** Particles inside names: "de Gaulle", "von der Leyen", "bin Salman". */
export const PARTICLES = toWordSet('de van von der den da di du del della la le bin ibn al el dos das ter ten');

/** Honorifics: "Mr Branson", "Dr. Smith". */
export const HONORIFICS = toWordSet('mr mrs ms miss mx dr prof sir dame lord lady');

/** Words that make a capitalised phrase an organisation when they are its head ("Virgin Trains"). */
export const ORG_HEADS = toWordSet(`company companies co corp corporation inc ltd plc llc group holdings party
organization organisation organizations organisations treaty pact alliance union federation confederation
association society league council committee commission assembly parliament congress senate cabinet
government ministry department office agency authority bureau board administration service services police
constabulary force forces army navy corps guard guards brigade battalion regiment militia command front
movement project branch trains railways railway rail airlines airways airline bank fund foundation trust
institute institution university college academy school laboratory laboratories observatory hospital
infirmary clinic centre center museum library church mosque court tribunal network news times post herald
journal tribune press agency broadcasting television radio channel studios media club team nations
convention enquiries inquiry ministries directorate secretariat kremlin pentagon sektor`);

/** Lower-case nouns after a name that make it an organisation ("the Wagner military company"). */
export const ORG_NOUNS = toWordSet(`company group party organization organisation agency firm militia movement
channel network newspaper broadcaster bank government police army squad brigade team club union alliance
ministry council committee consortium operator airline carrier manufacturer institute university
observatory laboratory`);

/** Plural nouns that introduce a list of organisations ("groups such as A, B and C"). */
export const ORG_PLURALS = toWordSet(`groups organizations organisations parties companies agencies movements
militias firms banks unions associations networks channels newspapers broadcasters`);

const ROLE_NOUN_LIST = toWordSet(`official officials owner director spokesman spokeswoman spokesperson minister
president chancellor secretary leader chief head executive engineer driver lady man woman father mother son
daughter wife husband brother sister uncle aunt counterpart colleague advisor adviser aide analyst expert
scientist researcher professor teacher student doctor nurse lawyer attorney judge officer commander general
soldier chair chairman chairwoman chairperson treasurer founder ceo manager governor mayor senator candidate ambassador envoy diplomat
representative member reporter journalist correspondent editor writer author witness resident citizen
inhabitant farmer worker employee activist protester campaigner economist politician lawmaker legislator
deputy premier president-elect consultant missionary astronomer commentator host presenter actor singer
player coach captain striker defender midfielder winger substitute batsman batter bowler pitcher catcher
jockey trainer referee umpire pilot victim survivor boy girl teenager child passenger veteran founder partner
producer astronaut physicist surgeon paramedic firefighter policeman policewoman detective investigator
prosecutor negotiator mediator supporter opponent rival ally friend neighbour neighbor owner-operator boss
head spokesperson cofounder co-founder president-elect superintendent constable inspector sergeant colonel
star co-star fellow nominee brigadier regent reader viewer listener user publisher buyer seller
poet writer`);

/** Nouns that name a role held by a person ("official", "composer", "quarterback"): our list and compromise's role nouns. */
export const ROLE_NOUNS: WordClass = {
  has: (word) => ROLE_NOUN_LIST.has(word) || isActorNoun(word),
};

/**
 * Given names common in news that compromise's lexicon lacks (East Asian given names and
 * surnames written first, transliterations, short forms). Female ones are marked for "she"/"her".
 */
const EXTRA_FIRST_NAMES = toWordSet(`frank christian austin jordan randy alexey oleg volodimir stepan xi li wang zhang
liu chen yang huang zhao wu zhou peng hu jean jurgen narendra shinzo fumio moon yoon barack bill mitt rishi`);
const EXTRA_FEMALE_NAMES = toWordSet('virginia victoria rose svetlana yulia sviatlana marine');

/** First names: compromise's lexicon (some 3,000 given names) plus the supplement above. */
export const FIRST_NAMES: WordClass = {
  has: (word) => isKnownFirstName(word) || EXTRA_FIRST_NAMES.has(word) || EXTRA_FEMALE_NAMES.has(word),
};

const FEMALE_WORDS = toWordSet(
  'mrs ms miss lady dame queen princess empress duchess countess spokeswoman chairwoman policewoman businesswoman woman mother wife daughter sister aunt girl actress widow grandmother niece',
);

/** Female first names and cues, for pronoun agreement ("she"/"her"). */
export const FEMALE_CUES: WordClass = {
  has: (word) => FEMALE_WORDS.has(word) || EXTRA_FEMALE_NAMES.has(word) || isKnownFemaleName(word),
};

const MALE_WORDS = toWordSet(`mr sir lord king prince emperor pope tsar czar duke earl count baron spokesman chairman
policeman businessman man father husband son brother uncle boy actor widower grandfather nephew`);

/** Male cues, for pronoun agreement ("he"/"him"): male words and the lexicon's male given names. */
export const MALE_CUES: WordClass = {
  has: (word) => MALE_WORDS.has(word) || isKnownMaleName(word),
};

/** Months and days, never names. */
export const CALENDAR_WORDS = toWordSet(`january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday
sunday christmas easter`);

/**
 * Common words that are capitalised only because they open a sentence (or a heading), or are
 * never names on their own.
 */
export const COMMON_CAPITALISED = toWordSet(`the a an in on at to of for from by with without about after before
since until till during as and but or nor so yet if when while where whereas because although though
meanwhile today yesterday tomorrow now then also however moreover furthermore still this that these those
it its they them their he his him she her we our you your i my me there here such many some other others
various several all both each every any no not none more most much few first last next early late earlier
later according despite under over into onto between among against through throughout within what which
who whom whose how why can could would should will shall may might must do does did is are was were be
been being have has had just only even once again already very well witnesses officials authorities
residents scientists experts teenagers people police hospital reports sources critics analysts observers
investigators rescuers doctors children students workers soldiers troops protesters demonstrators
citizens voters leaders members media nearly almost around roughly about one two three four five six seven
eight nine ten hundreds thousands dozens millions lot new old big small great good bad high low long short
muddy water however yes no part section article chapter page class room`);

/** Speech verbs, as they appear after a subject or before a speaker. */
export const SPEECH_VERBS = toWordSet(`said says say told tells added adds continued continues explained explains
stated states declared declares announced announces warned warns recalled recalls insisted insists argued
argues claimed claims noted notes observed observes described describes denounced denounces condemned
condemns criticized criticised criticizes criticises called calls calling saying telling adding explaining
stating declaring announcing warning insisting arguing claiming noting describing denouncing condemning
criticizing criticising asserted asserts asserting remarked remarks remarking commented comments commenting
replied replies replying responded responds responding wrote writes writing boasted boasts boasting
admitted admits admitting acknowledged acknowledges acknowledging suggested suggests suggesting urged urges
urging described referred refers referring termed terms terming dubbed dubs dubbing labelled labeled
branded brands branding hailed hails hailing vowed vows vowing promised promises promising predicted
predicts predicting estimated estimates stressed stresses stressing emphasized emphasised emphasizing
emphasising reiterated reiterates confirmed confirms confirming denied denies denying tweeted tweets
posted posts told recognized recognised recognizes recognises agreed agrees disagreed disagrees maintained
maintains contended contends countered counters conceded concedes objected objects protested protests
complained complains lamented laments mentioned mentions ordered orders call argue argued write
reads`);

/** Common verb forms that are not "-ed" past tenses ("met", "spoke", "told"): never part of a noun phrase. */
export const COMMON_VERBS = toWordSet(`met meets meet told tells saw sees took takes gave gives made makes sent sends won
wins beat beats led leads left leaves hit hits sued sues became becomes chose chooses found finds got gets held holds
heard hears kept keeps knew knows lost loses paid pays put puts ran runs sold sells set sets shot shoots sought
seeks spoke speaks stood stands struck strikes thought thinks threw throws wrote writes urged urges thanked
thanks replaced replaces succeeded succeeds joined joins visited visits backed backs is are was were be been
being has have had will would can could should may might must`);

/** Whether a lower-case word is probably a verb: a common verb, a speech verb or an "-ed" past form. */
export function isLikelyVerb(word: string): boolean {
  const lower = word.toLowerCase();
  return COMMON_VERBS.has(lower) || SPEECH_VERBS.has(lower) || (/^\p{Ll}/u.test(word) && /[^e]ed$|[^e]ied$/u.test(lower));
}
