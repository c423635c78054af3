/**
 * The pure-JS name finder reads English only: a capitalised word in another script inside an
 * English text is no name candidate, while Latin names with diacritics still are.
 */
import { describe, expect, it } from 'vitest';
import { extractWithText } from '../../../src/ingest/article';
import { batchProblems, type ClaimCandidate, type EntityCandidate } from '../../../src/ingest/batch';
import { capitalisedRuns } from '../../../src/ingest/extract/js-names';

const names = (text: string) => capitalisedRuns(text).map((n) => n.text);

describe('capitalised runs in another script', () => {
  it('leave out a Cyrillic or Greek capitalised word, keeping the Latin names around it', () => {
    const text =
      'People in Ostrava said the shelling near Белгород woke them. Mayor Lena Holm wrote to Αθήνα on Friday.';
    const found = names(text);
    expect(found).toContain('Ostrava');
    expect(found).toContain('Lena Holm');
    expect(found.some((n) => /[\u0400-\u04ff\u0370-\u03ff]/u.test(n))).toBe(false);
  });

  it('end a run at a word in another script ("Marta Kovač Київ" keeps "Marta Kovač")', () => {
    expect(names('The volunteer Marta Kovač Київ drove the van.')).toEqual(['Marta Kovač']);
  });

  it('still find Latin names with diacritics and digits', () => {
    expect(names('Officials in Łódź met Ørsted engineers and the Su-34 crew.')).toEqual(['Łódź', 'Ørsted', 'Su-34']);
  });
});

describe('a sentence-initial word before "of"', () => {
  it('is dropped when it names a group of people ("Residents of Ostrava" → "Ostrava")', () => {
    expect(names('Residents of Ostrava fled on Tuesday.')).toEqual(['Ostrava']);
    expect(names('Firefighters of Ostrava worked all night.')).toEqual(['Ostrava']);
    expect(names('Police of Ostrava closed the road.')).toEqual(['Ostrava']);
    expect(names('Witnesses of the blast in Ostrava spoke to Lena Holm on Monday.')).toEqual(['Ostrava', 'Lena Holm']);
    expect(names('“Residents of Ostrava are tired,” Lena Holm said.')).toEqual(['Ostrava', 'Lena Holm']);
  });

  it('stays when it heads a name ("Bank of England"), even where the text writes it in lower case', () => {
    expect(names('Bank of England raised rates.')).toEqual(['Bank of England']);
    expect(names('Ministry of Defence said so. Later the ministry said more.')).toEqual(['Ministry of Defence']);
    expect(names('University of Kharkiv was hit. The university was closed.')).toEqual(['University of Kharkiv']);
    expect(names('Armed Forces of Ukraine said the bridge was hit.')).toEqual(['Armed Forces of Ukraine']);
  });

  it('stays after a sentence-initial "The" too ("The Bank of … said. The bank …")', () => {
    expect(names('The Ministry of Defence said so. Later the ministry said more.')).toEqual(['Ministry of Defence']);
    expect(names('The Bank of the Russian Federation raised rates. The bank said more.')).toEqual([
      'Bank of the Russian Federation',
    ]);
    expect(names('The residents of Ostrava fled. The Residents of Ostrava fled.')).toEqual(['Ostrava', 'Ostrava']);
  });

  it('stays when a plural that heads names leads one ("Knights of Columbus"), also written in lower case', () => {
    expect(names('Knights of Columbus said the hall was full.')).toEqual(['Knights of Columbus']);
    expect(names('Sisters of Mercy ran the school in Ostrava.')).toEqual(['Sisters of Mercy', 'Ostrava']);
    expect(names('Daughters of Charity said the river was clean.')).toEqual(['Daughters of Charity']);
    expect(names('“Sons of Norway will help,” Lena Holm said.')).toEqual(['Sons of Norway', 'Lena Holm']);
    expect(names('Knights of Columbus met. The knights ate.')).toEqual(['Knights of Columbus']);
  });

  it('is still dropped when that plural heads no name in the sentence ("Friends of the victim")', () => {
    expect(names('Friends of the victim said he was kind.')).toEqual([]);
  });

  it('gives a plural-headed name offsets that slice exactly the text', () => {
    const text = 'He left. Knights of Columbus said so.';
    const [k] = capitalisedRuns(text);
    expect(k!.start).toBe(text.indexOf('Knights'));
    expect(text.slice(k!.start, k!.end)).toBe('Knights of Columbus');
  });

  it('is still dropped when the text writes it in lower case and it heads no name', () => {
    expect(names('North of Ostrava the road is closed. The road north is icy.')).toEqual(['Ostrava']);
  });
});

describe("a title word inside an organisation's name", () => {
  it('does not cut the name after "of" or before a body\'s word ("Ministry of Foreign Affairs")', () => {
    expect(names('He called the Ministry of Foreign Affairs on Monday.')).toEqual(['Ministry of Foreign Affairs']);
    expect(names('Ministry of Foreign Affairs said so.')).toEqual(['Ministry of Foreign Affairs']);
    expect(names('He spoke to the Veterans of Foreign Wars in Ostrava.')).toEqual([
      'Veterans of Foreign Wars',
      'Ostrava',
    ]);
    expect(names('Veterans of Foreign Wars said so.')).toEqual(['Veterans of Foreign Wars']);
    expect(names('He wrote to the Senate Foreign Relations panel.')).toEqual(['Senate Foreign Relations']);
    expect(names('Defence Intelligence of Ukraine said so.')).toEqual(['Defence Intelligence of Ukraine']);
    expect(names('He joined the Army of Ruritania.')).toEqual(['Army of Ruritania']);
    expect(names('He met the Commander of the Army of Ruritania.')).toEqual(['Army of Ruritania']);
  });

  it('still drops a person\'s title before the name, also an office with "of" ("Minister of Foreign Affairs")', () => {
    expect(names('Foreign Minister Lena Holm said so.')).toEqual(['Lena Holm']);
    expect(names('Deputy Prime Minister Jan Novak said so.')).toEqual(['Jan Novak']);
    expect(names('Army General Tom Weir said so.')).toEqual(['Tom Weir']);
    expect(names('Secretary of Defense Tom Weir said so.')).toEqual(['Tom Weir']);
    expect(names('Minister of Foreign Affairs Lena Holm said so.')).toEqual(['Lena Holm']);
    expect(names('Interior Minister Ana Kim met the Defence Ministry.')).toEqual(['Ana Kim', 'Defence Ministry']);
  });
});

describe('an office in a name of its own', () => {
  it('goes as a title before a person ("Prosecutor General Tom Weir" → "Tom Weir")', () => {
    expect(names('Prosecutor General Tom Weir said so.')).toEqual(['Tom Weir']);
    expect(names('Prosecutor Tom Weir said so.')).toEqual(['Tom Weir']);
    expect(names('He met the Prosecutor General of Ruritania.')).toEqual(['Ruritania']);
  });

  it('names an office with a possessive before a body\'s head ("Prosecutor General\'s Office")', () => {
    expect(names("The Prosecutor General's Office said so.")).toEqual(["Prosecutor General's Office"]);
    expect(names('He called the President’s Office on Monday.')).toEqual(['President’s Office']);
    expect(names("The President's aide said so.")).toEqual([]);
    const text = "He left. The Prosecutor General's Office said so.";
    const [o] = capitalisedRuns(text);
    expect(text.slice(o!.start, o!.end)).toBe(o!.text);
  });
});

describe('an office "of the" body before a person\'s name', () => {
  it('gives the body and the person apart ("Chief of the General Staff Tom Weir")', () => {
    expect(names('Chief of the General Staff Tom Weir said so.')).toEqual(['General Staff', 'Tom Weir']);
    expect(names('Head of the Presidential Office Tom Weir said so.')).toEqual(['Presidential Office', 'Tom Weir']);
    expect(names('He met the commander of the Ground Forces Tom Weir.')).toEqual(['Ground Forces', 'Tom Weir']);
    expect(names('Secretary of the Security Council Tom Weir said so.')).toEqual(['Security Council', 'Tom Weir']);
    expect(names('Chief of the General Staff of the Armed Forces Gen. Tom Weir said so.')).toEqual([
      'General Staff of the Armed Forces',
      'Tom Weir',
    ]);
    expect(names('Head of the Security Service of Ukraine Tom Weir said so.')).toEqual([
      'Security Service of Ukraine',
      'Tom Weir',
    ]);
  });

  it('drops an office\'s complement up to its head without "the" ("Commander of Ground Forces Tom Weir")', () => {
    expect(names('Commander of Ground Forces Tom Weir said so.')).toEqual(['Tom Weir']);
    expect(names('Chief of Staff Tom Weir said so.')).toEqual(['Tom Weir']);
  });

  it("splits nothing without the office, or when no person's name follows the body", () => {
    expect(names('Head of the Presidential Office Press Service said so.')).toEqual([
      'Presidential Office Press Service',
    ]);
    expect(names('He praised the Ground Forces Day parade.')).toEqual(['Ground Forces Day']);
    expect(names('Chief of the General Staff said so.')).toEqual(['General Staff']);
  });

  it('gives offsets that slice exactly the body and the person', () => {
    const text = 'He left. Head of the Presidential Office Tom Weir said so.';
    const found = capitalisedRuns(text);
    for (const n of found) expect(text.slice(n.start, n.end)).toBe(n.text);
    expect(found[1]!.start).toBe(text.indexOf('Tom'));
  });
});

describe("a title word first in a run before a head that is no person's name", () => {
  it('stays in the name ("Major League Baseball")', () => {
    expect(names('He watched Major League Baseball games.')).toEqual(['Major League Baseball']);
    expect(names('Major League Baseball said so.')).toEqual(['Major League Baseball']);
    // "Grand", "Supreme", "High" are a title's only before a title.
    expect(names('The Grand Duchy of Luxembourg met the Grand Duke of Ostrava.')).toEqual([
      'Grand Duchy of Luxembourg',
      'Grand Duke of Ostrava',
    ]);
    expect(names('He stayed at the Grand Hotel near Grand Central Station.')).toEqual([
      'Grand Hotel',
      'Grand Central Station',
    ]);
    expect(names('The Supreme Court and the High Court of Ruritania met.')).toEqual([
      'Supreme Court',
      'High Court of Ruritania',
    ]);
  });

  it('still goes before a person\'s name, with the office ("Chief Rabbi Tom Weir" → "Tom Weir")', () => {
    expect(names('Chief Rabbi Tom Weir said so.')).toEqual(['Tom Weir']);
    expect(names('Rabbi Tom Weir said so.')).toEqual(['Tom Weir']);
    // The office's place is a name of its own, as in "President of South Korea Yoon Suk Yeol".
    expect(names('Chief Rabbi of Kyiv Tom Weir said so.')).toEqual(['Kyiv', 'Tom Weir']);
    expect(names('Major Tom Weir said so.')).toEqual(['Tom Weir']);
    expect(names('He met the President of Ruritania.')).toEqual(['Ruritania']);
  });

  it("keeps it in the batch's entity names, the office's place too, their quotes exact slices", async () => {
    const raw = 'Games resume\n\nThe Chief Rabbi of Kyiv watched Major League Baseball with Tom Weir.\n';
    const { batch, text } = await extractWithText({ raw, format: 'txt', source: 'x' }, { extractor: 'js' });
    expect(batchProblems(batch, text)).toEqual([]);
    const entities = batch.candidates.filter((c): c is EntityCandidate => c.kind === 'entity');
    expect(entities.map((e) => e.text)).toEqual(expect.arrayContaining(['Kyiv', 'Major League Baseball', 'Tom Weir']));
    expect(entities.map((e) => e.text)).not.toContain('Chief Rabbi of Kyiv');
    for (const e of entities) expect(text.slice(e.quoteSpan.start, e.quoteSpan.end)).toBe(e.quote);
  });
});

describe('"on" inside a name', () => {
  it('joins a body\'s head to its subject ("Committee on Foreign Affairs")', () => {
    expect(names('He wrote to the Committee on Foreign Affairs.')).toEqual(['Committee on Foreign Affairs']);
    expect(names('The House Committee on Foreign Affairs met.')).toEqual(['House Committee on Foreign Affairs']);
    expect(names('He spoke to the Council on Foreign Relations in Ostrava.')).toEqual([
      'Council on Foreign Relations',
      'Ostrava',
    ]);
    expect(names('Ruritania signed the Convention on Cluster Munitions.')).toEqual([
      'Ruritania',
      'Convention on Cluster Munitions',
    ]);
    // A subject of one word or without a plural joins when it reads as a field.
    expect(names('The Senate Committee on Appropriations met.')).toEqual(['Senate Committee on Appropriations']);
    expect(names('The Commission on Climate Change met.')).toEqual(['Commission on Climate Change']);
  });

  it('joins no day, month, lone place or possessive after it, nor after another word', () => {
    expect(names('The Council on Monday voted.')).toEqual(['Council']);
    expect(names('He briefed the Security Council on Ukraine.')).toEqual(['Security Council', 'Ukraine']);
    expect(names('The Council on Russia’s war met.')).toEqual(['Council', 'Russia']);
    expect(names('Lena Holm on Foreign Affairs spoke.')).toEqual(['Lena Holm', 'Foreign Affairs']);
  });
});

describe('"of the" inside a name', () => {
  it('joins a name\'s head to the capitalised name after it ("Friends of the Earth")', () => {
    expect(names('Friends of the Earth said so.')).toEqual(['Friends of the Earth']);
    expect(names('He joined Friends of the Earth in Ostrava.')).toEqual(['Friends of the Earth', 'Ostrava']);
    expect(names('He called the Ministry of the Interior.')).toEqual(['Ministry of the Interior']);
    expect(names('The Ministry of Defence of the Russian Federation said so.')).toEqual([
      'Ministry of Defence of the Russian Federation',
    ]);
    expect(names('Bank of the Russian Federation raised rates.')).toEqual(['Bank of the Russian Federation']);
    expect(names('He called the Office of the Prime Minister.')).toEqual(['Office of the Prime Minister']);
    expect(names('Office of the Prime Minister said Jan Novak would go.')).toEqual([
      'Office of the Prime Minister',
      'Jan Novak',
    ]);
  });

  it('joins nothing after a word that heads no name, or before a place that modifies a noun', () => {
    expect(names('The mayor of the city said so.')).toEqual([]);
    expect(names('Residents of the Kharkiv region fled.')).toEqual(['Kharkiv']);
    expect(names('He met the residents of the Kharkiv region.')).toEqual(['Kharkiv']);
    expect(names('The Council of the Kharkiv region met.')).toContain('Kharkiv');
    expect(names('The Council of the Kharkiv region met.')).not.toContain('Council of the Kharkiv');
    expect(names('The Command of the Russian army said so.')).not.toContain('Command of the Russian');
  });

  it('gives offsets that slice exactly the name', () => {
    const text = 'He left. Friends of the Earth met the Ministry of Foreign Affairs and Lena Holm.';
    const found = capitalisedRuns(text);
    expect(found.map((n) => n.text)).toEqual(['Friends of the Earth', 'Ministry of Foreign Affairs', 'Lena Holm']);
    for (const n of found) expect(text.slice(n.start, n.end)).toBe(n.text);
    expect(found[0]!.start).toBe(text.indexOf('Friends'));
  });
});

describe('a full stop after a name', () => {
  const spans = (text: string) =>
    capitalisedRuns(text).map((n) => ({ text: n.text, slice: text.slice(n.start, n.end) }));

  it('ends the sentence, not the name, after a short surname ("Lena Holm." → "Lena Holm")', () => {
    expect(names('Reporters spoke to Lena Holm.')).toEqual(['Reporters', 'Lena Holm']);
    expect(names('He met Wu. Then he met Li Wei.')).toEqual(['Wu', 'Li Wei']);
    expect(names('Dr. Ana Kim spoke. He met Dr. Kim.')).toEqual(['Ana Kim', 'Kim']);
    expect(names('The envoy went to Oslo.\nHe met Lena Holm.')).toEqual(['Oslo', 'Lena Holm']);
  });

  it('gives offsets that slice exactly the name', () => {
    const text = 'Reporters spoke to Lena Holm. Li said no.';
    const holm = capitalisedRuns(text).find((n) => n.text.startsWith('Lena'))!;
    expect(text.slice(holm.start, holm.end)).toBe('Lena Holm');
    expect(holm.end).toBe(text.indexOf('.'));
    for (const s of spans(text)) expect(s.slice).toBe(s.text);
  });

  it('stays after initials and abbreviations: "U.S.", "J. K. Rowling", "Gen."', () => {
    expect(names('The aid came from the U.S.')).toEqual(['U.S.']);
    expect(names('The troops left the U.K. on Monday.')).toEqual(['U.K.']);
    expect(names('J. K. Rowling wrote it.')).toEqual(['J. K. Rowling']);
    expect(names('Gen. Valery Gerasimov said so.')).toEqual(['Valery Gerasimov']);
    expect(names('Pilgrims flew to St. Petersburg.')).toEqual(['Pilgrims', 'St. Petersburg']);
  });

  it('stays after "Mt.", "Ft." in a place name and goes with a title ("Rev.", "Brig.", "Hon.", "Prof.")', () => {
    expect(names('They climbed Mt. Everest. He flew to Ft. Worth on Friday.')).toEqual(['Mt. Everest', 'Ft. Worth']);
    expect(names('Rev. Anna Berg spoke.')).toEqual(['Anna Berg']);
    expect(names('Brig. Gen. Tom Weir said so. The Hon. Lena Holm agreed.')).toEqual(['Tom Weir', 'Lena Holm']);
    expect(names('Prof. Ana Kim spoke. Reporters met Rev. Berg.')).toEqual(['Ana Kim', 'Reporters', 'Berg']);
    for (const s of spans('He met Rev. Anna Berg at Mt. Hood. Berg said no.')) expect(s.slice).toBe(s.text);
  });

  it('stays after a company suffix, which ends the name ("Acme Inc.", "Ford Motor Co.")', () => {
    expect(names('The plant is owned by Acme Inc.')).toEqual(['Acme Inc.']);
    expect(names('The plant is owned by Acme Ltd. and others.')).toEqual(['Acme Ltd.']);
    expect(names('Ford Motor Co. said it would close.')).toEqual(['Ford Motor Co.']);
    // First in a run it is no company's suffix: "Co. Cork" is a county.
    expect(names('He farms in Co. Cork.')).toEqual(['Co. Cork']);
    // The splitter cannot tell whether the suffix's full stop also ends the sentence.
    expect(names('The firm is Acme Corp. Its chief spoke.')).toEqual(['Acme Corp.']);
    for (const s of spans('The firm is Acme Corp. Its chief, Lena Holm, spoke.')) expect(s.slice).toBe(s.text);
  });
});

describe('a sentence-final name in the batch (pure-JS finder)', () => {
  it('is one entity with its later surname, without the full stop, its spans and quote exact slices', async () => {
    const raw = 'Ferry halted\n\nReporters spoke to Lena Holm. Holm said the ferry would sail on Friday.\n';
    const { batch, text } = await extractWithText({ raw, format: 'txt', source: 'x' }, { extractor: 'js' });
    expect(batchProblems(batch, text)).toEqual([]);
    const holm = batch.candidates.filter((c): c is EntityCandidate => c.kind === 'entity' && /Holm/.test(c.text));
    expect(holm.map((e) => e.text)).toEqual(['Lena Holm']);
    const e = holm[0]!;
    expect(e.spans.map((s) => text.slice(s.start, s.end))).toEqual(['Lena Holm', 'Holm']);
    expect(e.quote).toBe('Lena Holm');
    expect(text.slice(e.quoteSpan.start, e.quoteSpan.end)).toBe(e.quote);
    const claim = batch.candidates.find((c): c is ClaimCandidate => c.kind === 'claim')!;
    expect(claim.claimant.candidate).toBe(e.id);
  });

  it('after a title\'s abbreviation is one entity with its later surname ("Rev. Anna Berg" … "Berg")', async () => {
    const raw = 'Ferry halted\n\nRev. Anna Berg spoke at the pier. Berg said the ferry would sail on Friday.\n';
    const { batch, text } = await extractWithText({ raw, format: 'txt', source: 'x' }, { extractor: 'js' });
    expect(batchProblems(batch, text)).toEqual([]);
    const berg = batch.candidates.filter((c): c is EntityCandidate => c.kind === 'entity' && /Berg|Rev/.test(c.text));
    expect(berg.map((e) => e.text)).toEqual(['Anna Berg']);
    expect(berg[0]!.spans.map((s) => text.slice(s.start, s.end))).toEqual(['Anna Berg', 'Berg']);
    const claim = batch.candidates.find((c): c is ClaimCandidate => c.kind === 'claim')!;
    expect(claim.claimant.candidate).toBe(berg[0]!.id);
  });
});

describe('names the finder used to misread', () => {
  // Titles before "of" and a place are an office, no name: the place is the mention, whatever the titles.
  // A place after "on" is what a body met about, listed in the lexicon or not. "Staff" alone is people.
  it.each([
    ['He met the Chief Rabbi of Kyiv on Monday.', ['Kyiv']],
    ['Chief Rabbi of Kyiv said so.', ['Kyiv']],
    ['The Chief Rabbi of Ruritania met the Chief Mufti of Ostrava.', ['Ruritania', 'Ostrava']],
    ['He briefed the Security Council on Syria.', ['Security Council', 'Syria']],
    ['The Security Council on Syria met.', ['Security Council', 'Syria']],
    ['He briefed the Security Council on North Korea.', ['Security Council', 'North Korea']],
    ['He briefed the Security Council on United States aid.', ['Security Council', 'United States']],
    ['The Council on Donbas met on Monday.', ['Council', 'Donbas']],
    ['Staff of the Ostrava Hospital said so.', ['Ostrava Hospital']],
    ['He thanked the Staff of the Ostrava Hospital.', ['Ostrava Hospital']],
    ['He thanked the Staff of Ostrava Hospital.', ['Ostrava Hospital']],
    ['Staff at Ostrava Hospital said so.', ['Ostrava Hospital']],
    ['Staff Sergeant Tom Weir said so.', ['Tom Weir']],
    // A title's adjective ("Grand", "Supreme", "High") goes with the title, never a name of its own.
    ['The Grand Mufti of Jerusalem said so.', ['Jerusalem']],
    ['He met the Grand Mufti of Jerusalem on Friday.', ['Jerusalem']],
    ['Grand Mufti Tom Weir said so.', ['Tom Weir']],
    ['The Grand Imam of Ostrava met Supreme Leader Tom Weir.', ['Ostrava', 'Tom Weir']],
    ['High Commissioner Lena Holm visited Ruritania.', ['Lena Holm', 'Ruritania']],
    // Countries whose names read as plurals are places after "on" too.
    ['He briefed the Security Council on Philippines.', ['Security Council', 'Philippines']],
    ['The Council on United Arab Emirates met.', ['Council', 'United Arab Emirates']],
    ['He briefed the Security Council on Netherlands aid.', ['Security Council', 'Netherlands']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
    for (const n of capitalisedRuns(text)) expect(text.slice(n.start, n.end)).toBe(n.text);
  });
});
