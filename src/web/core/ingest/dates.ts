/**
 * A date in the review's edit form, the pure side, one for every kind that carries one (a claim, a
 * new event): a day, or a from–to range (either end may be open), and how it was derived. The rules
 * are the seed format's (src/dataset/schema.ts), checked again by the server on accept: a day or a
 * range, never both; from ≤ to; a basis whenever dated. Emptying every field clears the date.
 */

/** The date fields of a decision (claim or event), as the server takes them. */
export interface DecisionDates {
  date?: string;
  date_from?: string;
  date_to?: string;
  date_basis?: string;
}

/** The date fields as the form shows them (strings, empty when unset). */
export interface DateFields {
  date: string;
  dateFrom: string;
  dateTo: string;
  dateBasis: string;
}

export const NO_DATE: DateFields = { date: '', dateFrom: '', dateTo: '', dateBasis: '' };

/** The form's date fields for a decision's dates. */
export const dateFieldsOf = (d: DecisionDates | null | undefined): DateFields => ({
  date: d?.date ?? '',
  dateFrom: d?.date_from ?? '',
  dateTo: d?.date_to ?? '',
  dateBasis: d?.date_basis ?? '',
});

/** A decision without its date fields (what the form's dates then replace). */
export function withoutDates<T extends DecisionDates>(d: T): Omit<T, keyof DecisionDates> {
  const { date: _d, date_from: _f, date_to: _t, date_basis: _b, ...rest } = d;
  return rest;
}

/** A decision's date in a few words ("2024-05-06 – 2024-05-12", "from 2024-05-06"); null when undated. */
export function dateLabel(d: DecisionDates | null | undefined): string | null {
  if (d?.date) return d.date;
  if (d?.date_from && d.date_to) return `${d.date_from} – ${d.date_to}`;
  if (d?.date_from) return `from ${d.date_from}`;
  if (d?.date_to) return `until ${d.date_to}`;
  return null;
}

/** A real calendar day written YYYY-MM-DD ("2023-02-30" is not one). */
export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** The decision's dates the form's fields give, or the first problem to fix. */
export function datesOfForm(f: DateFields): { dates: DecisionDates } | { error: string } {
  const date = f.date.trim();
  const from = f.dateFrom.trim();
  const to = f.dateTo.trim();
  const basis = f.dateBasis.trim();
  for (const [what, v] of [
    ['the day', date],
    ['the range start (from)', from],
    ['the range end (to)', to],
  ] as const)
    if (v && !isIsoDay(v)) return { error: `${what} "${v}" is not a date: write it YYYY-MM-DD` };
  if (date && (from || to)) return { error: 'give either a day or a from–to range, not both' };
  if (from && to && from > to) return { error: `the date range ends before it starts (${from} is after ${to})` };
  if (!date && !from && !to) return { dates: {} }; // cleared: a basis alone says nothing
  if (!basis) return { error: 'say how the date was derived (date basis)' };
  return {
    dates: {
      ...(date ? { date } : {}),
      ...(from ? { date_from: from } : {}),
      ...(to ? { date_to: to } : {}),
      date_basis: basis,
    },
  };
}
