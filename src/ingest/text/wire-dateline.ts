/**
 * A wire dateline up to its dash, the outlet in brackets: "KHARKIV, May 3 (Meridian) –", "KYIV,
 * Ukraine (Northbridge Wire) - ": a place in capitals, an optional date or country, then the outlet
 * (group 1) and a dash that a space or the line's end follows ("-based" is no dateline's dash).
 * One pattern for both readers: the text's metadata finds the outlet by it, and an accept quotes
 * the same line as the evidence of PUBLISHED_BY, so the outlet found is the outlet quoted.
 */
export const WIRE_DATELINE =
  /^\p{Lu}[\p{Lu}'.-]+(?:\s+\p{Lu}[\p{Lu}'.-]+)*(?:,[^()\n—–]{0,40}?)?\s*\(([^()\n]{2,50})\)\s*(?:—|–|--?)(?=\s|$)/u;
