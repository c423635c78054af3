/**
 * Building Lucene queries for the full-text index from what a person typed.
 * Pure functions (unit-tested).
 */
import anyAscii from 'any-ascii';
import { romanisationVariants } from '../../../ingest/link/transliteration';

const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes every Lucene special character (`+ - && || ! ( ) { } [ ] ^ " ~ * ? : \ /`). */
export function escapeLucene(s: string): string {
  return s.replace(SPECIAL, (c) => `\\${c}`);
}

/**
 * Splits like Lucene's standard analyzer does (letters and digits; everything else separates),
 * lower-cased, at most 8 terms.
 */
export function searchTerms(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

/**
 * "Gladk" → `+(gladk^4 OR gladk*^2)`; "Zelenskyy" → `+(zelenskyy^4 OR zelenskyy*^2 OR zelenskyy~1)`.
 * Every term must match (exactly, as a prefix — one letter only as the last of several words —, or
 * within 1–2 edits for longer words); exact terms
 * and the whole phrase rank first. Null when nothing searchable remains.
 */
export function luceneQuery(q: string): string | null {
  const terms = searchTerms(q);
  if (!terms.length) return null;
  const clauses = terms.map((t, i) => {
    const parts: string[] = [];
    // The last of several words may be one letter of a word still being typed ("Vladimir P"):
    // a prefix then, bounded by the other words; alone, "p*" would match much of the index.
    const typing = i === terms.length - 1 && i > 0;
    // A term in another script ("гладков") also matches its Latin form ("gladkov").
    for (const form of [t, latin(t)]) {
      if (!form || (form === t && parts.length)) continue;
      const e = escapeLucene(form);
      parts.push(`${e}^${form === t ? 4 : 3}`);
      if (form.length >= 2 || typing) parts.push(`${e}*^2`);
      if (form.length >= 4) parts.push(`${e}~${form.length >= 8 ? 2 : 1}`);
    }
    // "Sinegubov" also finds "Syniehubov": the other romanisation is often beyond two edits.
    for (const v of romanisationVariants(latin(t) ?? t)) parts.push(`${v}^2`, `${v}~${v.length >= 8 ? 2 : 1}`);
    return `+(${parts.join(' OR ')})`;
  });
  if (terms.length > 1) clauses.push(`"${terms.map(escapeLucene).join(' ')}"^6`);
  return clauses.join(' ');
}

/** The Latin transliteration of a term in another script (letters and digits only), or null when it is Latin already. */
export function latin(term: string): string | null {
  if (/^\p{ASCII}*$/u.test(term)) return null;
  const t = anyAscii(term)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return t && t !== term ? t : null;
}
