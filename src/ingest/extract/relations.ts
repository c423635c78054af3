import type { Span } from '../batch';
import type { Mention, RefDraft } from './attribution';
import { DEMONYMS, TITLE_ADJECTIVES, TITLES } from './lexicon';
import { ROLE_OF_BODY } from './role-body';
import { asciiQuotes } from './sentences';

export const RELATIONS_VERSION = '1.3.0';

export interface RelationDraft {
  type: string;
  from: RefDraft;
  /** For a demonym ("Ukrainian President …"), `country` names the implied country for the linker. */
  to: RefDraft & { country?: string };
  cue: string;
  span: Span;
  properties: Record<string, string>;
}

const TITLE_TYPE: [RegExp, string][] = [
  [
    /^(president|prime minister|premier|chancellor|king|queen|secretary-general|chairman|chairwoman|leader|head)$/i,
    'LEADS',
  ],
  [/governor$/i, 'GOVERNOR_OF'],
  [/^(spokesman|spokeswoman|spokesperson|press secretary)$/i, 'SPOKESPERSON_FOR'],
  [/(minister|secretary|commissioner|mayor|ombudsman|ambassador|prosecutor|general|chief)$/i, 'HOLDS_OFFICE'],
];

/** What a role before a body and a person makes of them (a press service is no person's office). */
const ROLE_TYPE: Record<string, string> = {
  spokesperson: 'SPOKESPERSON_FOR',
  spokesman: 'SPOKESPERSON_FOR',
  spokeswoman: 'SPOKESPERSON_FOR',
  representative: 'SPOKESPERSON_FOR',
  head: 'LEADS',
  director: 'HOLDS_OFFICE',
};

const typeOfTitle = (title: string): string | undefined => TITLE_TYPE.find(([re]) => re.test(title.trim()))?.[1];

const mref = (m: Mention): RefDraft => ({
  start: m.start,
  end: m.end,
  text: m.text,
  cluster: m.cluster,
  resolvedBy: 'name',
});

/**
 * "President of South Korea Yoon Suk Yeol", "Chief Rabbi of Kyiv Tom Weir": the titles, "of" and
 * what the office is of, right before its holder `p`; typed by the last title, the titles kept.
 */
function officeOfBefore(t: string, from: number, inS: Mention[], p: Mention): RelationDraft | undefined {
  const of = inS.filter((m) => m.end <= p.start && m.type !== 'PERSON' && /^ $/.test(t.slice(m.end, p.start))).pop();
  const m = of && /((?:\p{Lu}[\p{L}'-]* )+)of (?:the )?$/u.exec(t.slice(Math.max(from, of.start - 80), of.start));
  if (!of || !m) return undefined;
  const ws = m[1]!.trim().split(' ');
  let k = ws.length;
  while (k > 0 && (TITLES.has(ws[k - 1]!.toLowerCase()) || TITLE_ADJECTIVES.has(ws[k - 1]!.toLowerCase()))) k--;
  const title = ws.slice(k).join(' ');
  if (!title || !TITLES.has(ws.at(-1)!.toLowerCase())) return undefined;
  const type = typeOfTitle(ws.at(-1)!) ?? 'HOLDS_OFFICE';
  const start = of.start - m[0].length + ws.slice(0, k).join(' ').length + (k > 0 ? 1 : 0);
  return {
    type,
    from: mref(p),
    to: mref(of),
    cue: title,
    span: { start, end: p.end },
    properties: type === 'HOLDS_OFFICE' || type === 'LEADS' ? { title } : {},
  };
}

/**
 * Relationships from titles and appositives, mapped onto the vocabulary: "<Org> spokesman <Person>"
 * → SPOKESPERSON_FOR, "<Person>, governor of <Place>" and "<Place> governor <Person>" → GOVERNOR_OF,
 * "<Country|demonym> President <Person>" → LEADS, "<Place>'s defense minister, <Person>" →
 * HOLDS_OFFICE (title kept), "<Person>, the chairman of <Org>" → LEADS, "adviser to <Person>
 * <Person>" → ADVISOR_TO. "the region" resolves to the last region named before (role). Each
 * draft keeps the words that carry it. Cost: a few regexes per person mention.
 */
export function findRelations(text: string, sentences: Span[], mentions: Mention[]): RelationDraft[] {
  const t = asciiQuotes(text);
  const out: RelationDraft[] = [];
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  // "the region": the last region named shortly before; further back it is a guess, so none.
  const lastRegion = (before: number): Mention | undefined =>
    sorted
      .filter(
        (m) =>
          m.end <= before && before - m.end < 300 && m.type === 'PLACE' && /\b(region|oblast|province)\b/i.test(m.text),
      )
      .pop();
  for (const s of sentences) {
    const inS = sorted.filter((m) => m.start >= s.start && m.end <= s.end);
    for (const p of inS.filter((m) => m.type === 'PERSON')) {
      const before = t.slice(s.start, p.start);
      const after = t.slice(p.end, s.end);
      // "<Org|Place|demonym> [’s] <Title words> <Person>"
      const titleMatch =
        /((?:[A-Z][\w'-]*|defen[cs]e|foreign|regional|oblast|region)\s+)*?(President|Prime Minister|Chancellor|Secretary-General|Secretary|[Mm]inister|[Gg]overnor|[Ss]pokes(?:man|woman|person)|Commissioner|[Mm]ayor|Ombudsman)\s*,?\s+$/.exec(
          before,
        );
      if (titleMatch) {
        const titleStart = s.start + titleMatch.index;
        const titleWords = titleMatch[0].replace(/[,\s]+$/, '');
        const title = titleMatch[2]!;
        const type = typeOfTitle(title) ?? 'HOLDS_OFFICE';
        // The holder of the office: a mention ending right before (or inside) the title words, or a demonym.
        const anchor = inS
          .filter(
            (m) =>
              m !== p &&
              m.end <= s.start + titleMatch.index + titleMatch[0].length &&
              m.end >= titleStart - 4 &&
              m.type !== 'PERSON' &&
              m.type !== 'UNKNOWN',
          )
          .pop();
        let to: (RefDraft & { country?: string }) | undefined = anchor ? mref(anchor) : undefined;
        // A demonym right before the title, or as its first word ("Russian Children's Rights Commissioner").
        const firstWord = /^([\p{Lu}][\p{L}.]*)\s/u.exec(titleMatch[0])?.[1];
        const inside =
          firstWord && (firstWord.toLowerCase() in DEMONYMS || firstWord.toLowerCase().replace(/\.$/, '') in DEMONYMS);
        const demWord = inside ? firstWord : /([\p{Lu}][\p{L}.]*)\s+$/u.exec(t.slice(s.start, titleStart))?.[1];
        const demStart = inside ? titleStart : demWord ? titleStart - demWord.length - 1 : -1;
        if (
          !to &&
          demWord &&
          (demWord.toLowerCase() in DEMONYMS || demWord.toLowerCase().replace(/\.$/, '') in DEMONYMS)
        ) {
          const country = DEMONYMS[demWord.toLowerCase()] ?? DEMONYMS[demWord.toLowerCase().replace(/\.$/, '')]!;
          to = {
            start: demStart,
            end: demStart + demWord.length,
            text: text.slice(demStart, demStart + demWord.length),
            resolvedBy: 'name',
            country,
          };
        }
        if (!to && type === 'GOVERNOR_OF') {
          const r = lastRegion(p.start);
          if (r) to = { ...mref(r), resolvedBy: 'role' };
        }
        if (to && !(type === 'SPOKESPERSON_FOR' && anchor?.type === 'PLACE')) {
          // A role-resolved place lies elsewhere: the quote is the title and the name only.
          const start = to.resolvedBy === 'role' ? titleStart : Math.min(to.start, titleStart);
          out.push({
            type,
            from: mref(p),
            to,
            cue: titleWords.trim(),
            span: { start, end: p.end },
            properties: type === 'HOLDS_OFFICE' || type === 'LEADS' ? { title: titleWords.trim() } : {},
          });
        }
      }
      const office = titleMatch ? undefined : officeOfBefore(t, s.start, inS, p);
      if (office) out.push(office);
      // "A spokesperson for Ukrenergo, Maria Petrenko, said": the role and its body before the person in apposition.
      const body = inS
        .filter((m) => m.end <= p.start && m.type === 'ORGANIZATION' && /^\s*,\s*$/.test(t.slice(m.end, p.start)))
        .pop();
      const roleFrom = body ? Math.max(s.start, body.start - 40) : 0;
      const role = body && ROLE_OF_BODY.exec(t.slice(roleFrom, body.start));
      const roleType = role && ROLE_TYPE[role[1]!.toLowerCase()];
      if (body && role && roleType && !titleMatch) {
        const start = roleFrom + role.index;
        const title = role[1]!.toLowerCase();
        out.push({
          type: roleType,
          from: mref(p),
          to: mref(body),
          cue: title,
          span: { start, end: p.end },
          properties: roleType === 'SPOKESPERSON_FOR' ? {} : { title },
        });
      }
      // "<Person>, [the] [regional] governor of <Place|the region>" and "<Person>, the chairman of <Org>"
      const app =
        /^,\s*(?:the\s+|a\s+)?((?:[\w-]+\s+){0,3}?)(governor|chairman|chairwoman|mayor|spokesman|spokeswoman|spokesperson|head|leader|minister)\s+(?:of|for)\s+(?:the\s+)?(?:nearby\s+|neighbouring\s+|neighboring\s+)?/i.exec(
          after,
        );
      if (app) {
        const from = p.end + app[0].length;
        const first = inS.find((m) => m.start >= from && m.start - from <= 2 && m.type !== 'PERSON');
        // "governor of Russia's Belgorod region": the office is of what the possessive qualifies.
        const poss = first && /^['’]s\s+/.exec(t.slice(first.end));
        const owned = poss && inS.find((m) => m.start === first.end + poss[0].length && m.type !== 'PERSON');
        const target = owned || first;
        const cue = `${app[1] ?? ''}${app[2]}`.trim();
        const type = typeOfTitle(app[2]!) ?? 'HOLDS_OFFICE';
        let to: RefDraft | undefined = target ? mref(target) : undefined;
        if (!to && /^region\b/i.test(t.slice(from, from + 7)) && type === 'GOVERNOR_OF') {
          const r = lastRegion(p.start);
          // Unresolved: the words themselves, for the reviewer to link.
          to = r
            ? { ...mref(r), resolvedBy: 'role' }
            : {
                start: from - (t.slice(0, from).endsWith('the ') ? 4 : 0),
                end: from + 6,
                text: text.slice(from - (t.slice(0, from).endsWith('the ') ? 4 : 0), from + 6),
                resolvedBy: 'role',
              };
        }
        // A spokesman speaks for a body, not a place (as for the title before the name above).
        if (to && !(type === 'SPOKESPERSON_FOR' && target?.type === 'PLACE')) {
          const end = target ? target.end : from + 6;
          out.push({
            type,
            from: mref(p),
            to,
            cue,
            span: { start: p.start, end },
            properties: type === 'HOLDS_OFFICE' || type === 'LEADS' ? { title: cue } : {},
          });
        }
      }
      // "<Person>, the <Place> region governor," (governor after the place inside the appositive)
      const app2 = /^,\s*the\s+([^,]{1,40}?)\s+(?:region\s+|oblast\s+)?governor\b/i.exec(after);
      if (app2 && !app) {
        const target = inS.find((m) => m.start > p.end && m.end <= p.end + app2[0].length && m.type === 'PLACE');
        if (target)
          out.push({
            type: 'GOVERNOR_OF',
            from: mref(p),
            to: mref(target),
            cue: 'governor',
            span: { start: p.start, end: p.end + app2[0].length },
            properties: {},
          });
      }
      // "adviser to [title] <Person> <Person>"
      const prev = inS.filter((m) => m.type === 'PERSON' && m.end <= p.start && p.start - m.end <= 2).pop();
      if (
        prev &&
        /\b(?:adviser|advisor|aide)\s+to\s+(?:[\p{Lu}][\p{L}]*\s+){0,2}$/iu.test(t.slice(s.start, prev.start))
      ) {
        const cueAt = t.slice(s.start, prev.start).search(/\b(?:adviser|advisor|aide)\b/i) + s.start;
        out.push({
          type: 'ADVISOR_TO',
          from: mref(p),
          to: mref(prev),
          cue: 'adviser to',
          span: { start: cueAt, end: p.end },
          properties: {},
        });
      }
    }
  }
  return out;
}
