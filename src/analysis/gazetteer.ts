/**
 * A compact built-in gazetteer: countries, demonyms, major cities and regions, and the
 * geographic head words ("Sea", "City", "region") that mark a capitalised phrase as a place.
 * Places are never people or organisations. Everything is lower case for lookups.
 */

const COUNTRIES = `afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei
bulgaria burkina burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus
czechia czech denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france
gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india
indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan
laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives
mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar
burma namibia nauru nepal netherlands holland nicaragua niger nigeria norway oman pakistan palau palestine panama
paraguay peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore
slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo
tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia
zimbabwe england scotland wales britain europe asia africa america antarctica oceania eurasia crimea tibet
greenland kashmir chechnya donbas donbass catalonia kurdistan siberia`;

const MULTIWORD_PLACES = [
  'united states', 'united states of america', 'united kingdom', 'great britain', 'northern ireland',
  'south africa', 'north korea', 'south korea', 'new zealand', 'saudi arabia', 'sri lanka', 'costa rica',
  'el salvador', 'puerto rico', 'hong kong', 'united arab emirates', 'ivory coast', 'czech republic',
  'dominican republic', 'central african republic', 'east timor', 'papua new guinea', 'sierra leone',
  'south sudan', 'north macedonia', 'vatican city', 'the hague', 'new york', 'los angeles', 'san francisco',
  'new delhi', 'tel aviv', 'rio de janeiro', 'sao paulo', 'buenos aires', 'mexico city', 'guatemala city',
  'kuala lumpur', 'abu dhabi', 'cape town', 'hong kong', 'las vegas', 'washington dc', 'st petersburg',
  'saint petersburg', 'middle east', 'latin america', 'north america', 'south america', 'west bank',
  'gaza strip', 'european continent', 'soviet union', 'south china', 'east china', 'far east',
];

const CITIES = `london paris berlin madrid rome moscow minsk kyiv kiev beijing shanghai tokyo seoul delhi mumbai
washington chicago boston houston toronto montreal vancouver sydney melbourne brussels vienna prague warsaw
budapest bucharest sofia athens istanbul ankara cairo tehran baghdad damascus beirut jerusalem riyadh dubai doha
kabul islamabad karachi lahore dhaka bangkok hanoi manila jakarta singapore taipei lisbon dublin edinburgh glasgow
manchester liverpool birmingham leeds cardiff belfast amsterdam rotterdam geneva zurich milan naples stockholm oslo
copenhagen helsinki tallinn riga vilnius kharkiv odessa odesa lviv dnipro donetsk luhansk mariupol sevastopol
grodno brest gomel vitebsk mogilev tbilisi yerevan baku astana almaty tashkent bishkek dushanbe nairobi lagos
johannesburg addis havana caracas lima bogota santiago montevideo quito ottawa canberra wellington auckland
kolkata chennai bangalore hamburg munich frankfurt cologne marseille lyon barcelona valencia seville porto
krakow gdansk minneapolis atlanta miami dallas seattle denver detroit philadelphia carlisle preston kendal
lancaster oxford cambridge bristol sheffield newcastle york cumbria`;

const DEMONYMS = `afghan albanian algerian american argentine argentinian armenian australian austrian azerbaijani
belarusian belarusan byelorussian belgian bolivian bosnian brazilian british briton bulgarian burmese cambodian
cameroonian canadian chilean chinese colombian croatian cuban cypriot czech danish dutch ecuadorian egyptian
english emirati eritrean estonian ethiopian european filipino philippine finnish french georgian german ghanaian
greek guatemalan haitian honduran hungarian icelandic indian indonesian iranian iraqi irish israeli italian
jamaican japanese jordanian kazakh kazakhstani kenyan korean kosovar kuwaiti kyrgyz lao latvian lebanese libyan
lithuanian malaysian maltese mexican moldovan mongolian montenegrin moroccan nepalese nigerian norwegian pakistani
palestinian panamanian paraguayan persian peruvian polish portuguese qatari romanian russian rwandan saudi
scottish serbian singaporean slovak slovenian somali spanish sudanese swedish swiss syrian taiwanese tajik
thai tunisian turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian
zimbabwean soviet western eastern northern southern african asian arab latin nordic baltic balkan caucasian
chechen crimean kurdish tibetan uyghur catalan basque flemish`;

/** Head words that make a capitalised phrase a place ("South China Sea", "Guatemala City"). */
const GEO_HEADS = `sea ocean gulf bay strait channel river lake mountain mountains mount hill hills valley island
islands isle peninsula coast desert plain plains forest canyon karst city town village county province
region district oblast square street road avenue station airport port harbour harbor bridge park
central north south east west`;

const toSet = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter((w) => w.length > 0));

const COUNTRY_SET = toSet(COUNTRIES);
const CITY_SET = toSet(CITIES);
const DEMONYM_SET = toSet(DEMONYMS);
const GEO_HEAD_SET = toSet(GEO_HEADS);
const MULTIWORD_SET: ReadonlySet<string> = new Set(MULTIWORD_PLACES);
/** Country abbreviations that are places, not organisations. */
const PLACE_ACRONYMS: ReadonlySet<string> = new Set(['us', 'usa', 'uk', 'uae', 'drc', 'prc', 'dprk', 'ussr', 'gb']);

/** Whether a phrase (any case) names a place known to the gazetteer or headed by a geographic word. */
export function isPlaceName(phrase: string): boolean {
  let lower = phrase.toLowerCase().replace(/^the\s+/, '').replace(/[’']s$/, '');
  if (/^(?:\p{L}\.)+\p{L}\.?$/u.test(lower)) lower = lower.replace(/\./g, ''); // "U.S." → "us"
  if (COUNTRY_SET.has(lower) || CITY_SET.has(lower) || MULTIWORD_SET.has(lower) || PLACE_ACRONYMS.has(lower)) return true;
  const words = lower.split(/\s+/);
  if (words.length > 1) {
    const last = words[words.length - 1]!;
    if (GEO_HEAD_SET.has(last)) return true;
    // "Republic of Belarus", "Kingdom of Spain"
    const ofAt = words.indexOf('of');
    if (ofAt > 0 && isPlaceName(words.slice(ofAt + 1).join(' '))) return true;
    // "Glasgow Central", "Moscow Oblast": a known place followed by a geographic word.
    if (isPlaceName(words.slice(0, -1).join(' ')) && GEO_HEAD_SET.has(last)) return true;
  }
  return false;
}

/** Whether a word is a nationality adjective or demonym ("Russian", "Belarusian", "Western"), any case. */
export function isDemonym(word: string): boolean {
  const lower = word.toLowerCase();
  return DEMONYM_SET.has(lower) || (lower.endsWith('s') && DEMONYM_SET.has(lower.slice(0, -1)));
}
