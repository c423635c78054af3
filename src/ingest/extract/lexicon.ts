/**
 * Word lists the rules share: general English and general knowledge, nothing taken from the
 * articles. Lower-case; compare with .toLowerCase().
 */

/** Honorifics and offices that precede a name and are not part of it. */
export const TITLES = new Set(
  (
    'mr mr. mrs mrs. ms ms. dr dr. sir madam president vice-president prime minister premier chancellor ' +
    'governor gov. mayor senator sen. representative rep. secretary secretary-general general gen. gen ' +
    'army lt. col. colonel capt. captain sgt. sergeant major maj. admiral adm. commander chief spokesman ' +
    'spokeswoman spokesperson ambassador minister foreign defense defence interior king queen prince pope ' +
    'commissioner ombudsman chairman chairwoman director head leader deputy adviser advisor aide ' +
    'regional acting former lieutenant marshal field brig. brigadier cpl. corporal pvt. cmdr. rev rev. reverend ' +
    'fr. hon. honourable honorable prof prof. professor prosecutor attorney ' +
    'rabbi mufti imam bishop archbishop patriarch'
  ).split(' '),
);

/**
 * Adjectives that make part of a title only before one ("Grand Mufti", "Supreme Leader", "High
 * Commissioner"); before any other word they are a name's ("Grand Duchy", "Supreme Court", "Grand Hotel").
 */
export const TITLE_ADJECTIVES = new Set(['grand', 'supreme', 'high']);

/**
 * What an office's "of" names when it is a portfolio, not a place ("Secretary of State", "Minister
 * of Justice", "Secretary of the Treasury", "Minister of Homeland Security"): its first word.
 */
export const PORTFOLIOS = new Set(
  (
    'state defence defense justice health treasury education finance labour labor agriculture energy ' +
    'transport transportation interior war commerce housing culture environment economy industry science ' +
    'sport sports tourism infrastructure communications veterans homeland home employment welfare ' +
    'immigration police revenue works'
  ).split(' '),
);

/** First words of places of two words or more ("South Korea", "New Zealand", "United Arab Emirates"). */
export const PLACE_PREFIXES = new Set(
  'north south east west northern southern eastern western central new upper lower greater saint st. san santa sri costa el saudi sierra puerto hong united arab'.split(
    ' ',
  ),
);
/** Last words of places of two words or more ("Zaporizhzhia Region", "Czech Republic", "Kansas City"). */
export const PLACE_TAILS = new Set(
  'region oblast province county district republic kingdom states islands emirates krai territory city'.split(' '),
);

/**
 * Countries whose names read as plurals ("Philippines", "United Arab Emirates"), so that no rule takes
 * them for a field or a group of people (general knowledge).
 */
export const PLURAL_COUNTRIES = [
  'Philippines',
  'Netherlands',
  'Bahamas',
  'Maldives',
  'Seychelles',
  'Comoros',
  'Emirates',
  'United Arab Emirates',
  'Solomon Islands',
  'Marshall Islands',
];

/** Last words of organisation and place names: a run ending in one keeps its leading "title" words ("Defense Ministry"). */
export const NAME_HEADS = new Set(
  'ministry department service committee council agency group base organization organisation forces force army navy office assembly commission union alliance bank court party guard staff university institute academy college league federation association society corps foundation club'.split(
    ' ',
  ),
);

/**
 * Words after a title word that make it part of a body's name, not a person's office: the fields an
 * office covers ("Foreign Affairs", "Foreign Trade", "Defence Intelligence", "Veterans of Foreign Wars").
 * With the heads of names ("Foreign Office", "Interior Ministry"); a word that is also a title ("Army")
 * goes with the titles.
 */
export const BODY_WORDS = new Set(
  'affairs relations trade wars intelligence security development cooperation'.split(' '),
);
/**
 * Titles that are an office's own noun, never a person's name: a job noun before one is part of the
 * same title ("Chief Rabbi"), so a span is not cut between them to leave "Rabbi of Kyiv".
 */
export const OFFICE_NOUNS = new Set('rabbi mufti imam bishop archbishop patriarch'.split(' '));

/**
 * Nouns that end a job title written before a name ("harbour master", "fire chief", "Harbour
 * Master"): the words up to one of them are the title, not a name. Not the offices whose first
 * word names the body or place ("Kremlin spokesman", "Kharkiv mayor"): relations.ts reads those.
 */
export const JOB_NOUNS = new Set(
  (
    'master chief commander officer inspector director manager head coordinator superintendent warden ' +
    'captain chairman chairwoman official engineer leader sergeant constable marshal keeper ranger ' +
    'administrator supervisor controller lieutenant'
  ).split(' '),
);

/** Demonyms and short forms to the country name they imply (general knowledge). */
export const DEMONYMS: Record<string, string> = {
  russian: 'Russia',
  russians: 'Russia',
  ukrainian: 'Ukraine',
  ukrainians: 'Ukraine',
  american: 'United States',
  'u.s.': 'United States',
  us: 'United States',
  british: 'United Kingdom',
  uk: 'United Kingdom',
  'u.k.': 'United Kingdom',
  german: 'Germany',
  french: 'France',
  polish: 'Poland',
  belarusian: 'Belarus',
  chinese: 'China',
  iranian: 'Iran',
  turkish: 'Turkey',
  italian: 'Italy',
  romanian: 'Romania',
  czech: 'Czech Republic',
  soviet: 'Soviet Union',
  european: 'Europe',
  western: 'the West',
};

export const DAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
export const MONTHS = new Set(
  'january february march april may june july august september october november december sept'.split(' '),
);

/** Capitalised only because they start a sentence or a heading: never a name on their own. */
export const SENTENCE_STARTERS = new Set(
  (
    'a an the this that these those there here it its he she they we i you his her their our my your ' +
    'in on at by for from to of with without within into onto over under after before during since until ' +
    'as while when where why how what which who whom whose if but and or nor so yet also although though ' +
    'because despite meanwhile however again still even only just then now later earlier separately today tonight yesterday tomorrow ' +
    'last next every each all some many most more several few no not any both either neither one two three ' +
    'four five six seven eight nine ten dozens hundreds thousands videos footage photograph photographs ' +
    'rescue rockets officials experts powers verified copyright source advertisement back premium write ' +
    'speaking according between during around about against among'
  ).split(' '),
);

/** Speech and reporting verbs (inflected forms) that introduce an attributed statement, by lemma. */
export const SPEECH_VERBS: Record<string, string> = {};
for (const [lemma, forms] of Object.entries({
  say: 'say says said saying',
  tell: 'tell tells told telling',
  add: 'add adds added',
  state: 'state states stated',
  claim: 'claim claims claimed',
  confirm: 'confirm confirms confirmed',
  deny: 'deny denies denied',
  accuse: 'accuse accuses accused',
  announce: 'announce announces announced',
  report: 'report reports reported',
  write: 'write writes wrote written',
  tweet: 'tweet tweets tweeted',
  post: 'posted',
  warn: 'warn warns warned',
  urge: 'urge urges urged',
  insist: 'insist insists insisted',
  note: 'noted',
  admit: 'admit admits admitted',
  acknowledge: 'acknowledge acknowledges acknowledged',
  allege: 'allege alleges alleged',
  assure: 'assure assures assured',
  blame: 'blame blames blamed',
  suggest: 'suggest suggests suggested',
  predict: 'predict predicts predicted',
  expect: 'expect expects',
  estimate: 'estimate estimates estimated',
  argue: 'argue argues argued',
  declare: 'declare declares declared',
  promise: 'promise promises promised',
  vow: 'vow vows vowed',
  reveal: 'reveal reveals revealed',
  describe: 'described',
  call: 'called',
  dismiss: 'dismiss dismisses dismissed',
  reject: 'reject rejects rejected',
})) {
  for (const f of forms.split(' ')) SPEECH_VERBS[f] = lemma;
}

/** Stance hints by verb lemma. */
export const STANCE_OF_VERB: Record<string, string> = {
  deny: 'denies',
  dismiss: 'denies',
  reject: 'denies',
  accuse: 'accuses',
  blame: 'accuses',
  allege: 'accuses',
  admit: 'admits',
  acknowledge: 'admits',
  confirm: 'confirms',
  announce: 'announces',
  warn: 'warns',
  urge: 'appeals',
  predict: 'forecast',
  expect: 'forecast',
  estimate: 'estimate',
};

/**
 * Named weapon systems (general knowledge) that are also ordinary words or given names, so a name
 * finder may type them PERSON ("Iskander"); the weapon pass types them WEAPON in a weapon context.
 */
export const WEAPON_SYSTEMS = [
  'Iskander',
  'Kinzhal',
  'Kalibr',
  'Tochka',
  'Zircon',
  'Tsirkon',
  'Oniks',
  'Sarmat',
  'Kornet',
  'Pantsir',
  'Buk',
  'Smerch',
  'Uragan',
  'Tornado',
  'Grad',
  'Shahed',
  'Geran',
  'Lancet',
  'Orlan',
  'Bayraktar',
  'HIMARS',
  'ATACMS',
  'Patriot',
  'NASAMS',
  'IRIS-T',
  'Javelin',
  'NLAW',
  'Stinger',
  'Leopard',
  'Abrams',
  'Bradley',
  'Tomahawk',
  'Harpoon',
  'Neptune',
  'Storm Shadow',
  'SCALP',
  'Gepard',
  'Excalibur',
];

/** Words that make a preceding system name a weapon ("Iskander missile", "Leopard tanks"). */
export const WEAPON_NOUNS =
  'missiles? rockets? systems? launchers? complex(?:es)? drones? tanks? warheads? batter(?:y|ies) interceptors? munitions? bombs? shells? howitzers? vehicles?';
/** Words allowed between a system name and its noun ("Iskander ballistic missile"). */
export const WEAPON_MODIFIERS =
  'ballistic cruise hypersonic anti-ship anti-tank short-range long-range medium-range tactical guided surface-to-air air-defen[cs]e missile rocket launch mobile nuclear-capable attack kamikaze battle main';

/** Event trigger words to an events.yaml kind. */
export const EVENT_TRIGGERS: Record<string, string> = {
  strike: 'strike',
  strikes: 'strike',
  struck: 'strike',
  attack: 'attack',
  attacks: 'attack',
  attacked: 'attack',
  bombed: 'strike',
  bombing: 'strike',
  bombardment: 'strike',
  barrage: 'strike',
  shelling: 'shelling',
  shelled: 'shelling',
  explosion: 'explosion',
  explosions: 'explosion',
  blast: 'explosion',
  blasts: 'explosion',
  hit: 'strike',
  evacuation: 'evacuation',
  evacuated: 'evacuation',
  meeting: 'meeting',
  met: 'meeting',
  visit: 'visit',
  visited: 'visit',
  intercepted: 'interception',
  'shot down': 'interception',
  dropped: 'accidental-release',
};

/** Capitals to their country (general knowledge), for "Moscow said" when the graph has no CAPITAL_OF. */
export const CAPITALS: Record<string, string> = {
  moscow: 'Russia',
  kyiv: 'Ukraine',
  kiev: 'Ukraine',
  washington: 'United States',
  london: 'United Kingdom',
  berlin: 'Germany',
  paris: 'France',
  warsaw: 'Poland',
  minsk: 'Belarus',
  beijing: 'China',
  tehran: 'Iran',
  ankara: 'Turkey',
  rome: 'Italy',
  bucharest: 'Romania',
  prague: 'Czech Republic',
  brussels: 'Belgium',
};

/** News agencies, written as in a byline: an agency is the source, never a person. */
export const AGENCIES = new Set(
  [
    'Reuters',
    'AFP',
    'Agence France-Presse',
    'AP',
    'Associated Press',
    'The Associated Press',
    'Bloomberg',
    'dpa',
    'EFE',
    'ANSA',
    'Interfax',
    'TASS',
    'RIA Novosti',
    'Ukrinform',
    'Xinhua',
    'Kyodo',
    'Yonhap',
    'UPI',
    'PA Media',
    'Anadolu',
  ].map((a) => a.toLowerCase()),
);

/** Whether a name is a news agency's ("Reuters", "Associated Press"): a source, never a party to the story. */
export const isNewsAgency = (name: string): boolean => AGENCIES.has(name.trim().toLowerCase());

/** Last words of an outlet's name ("Northbridge Wire", "Evening Courier"): a person's name never ends so. */
export const OUTLET_WORDS = new Set(
  'wire times news post herald gazette courier journal tribune press daily telegraph guardian independent observer mail express standard chronicle review record star sun mirror bulletin agency media network radio tv television broadcasting online today weekly magazine monitor dispatch sentinel examiner inquirer register argus echo advertiser citizen globe insider'.split(
    ' ',
  ),
);
