/** FNV-1a hash of a string (32-bit, unsigned): stable colours for unknown labels, seeded layouts. O(length). */
export function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
