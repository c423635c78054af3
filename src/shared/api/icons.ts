/** The glyphs a perspective may give a label. Zod-free: the web bundle imports it at run time. */
export const ICON_NAMES = [
  'dot',
  'person',
  'building',
  'pin',
  'bolt',
  'missile',
  'bubble',
  'doc',
  'film',
  'star',
  'tag',
  'calendar',
  'link',
  'box',
] as const;
export type IconName = (typeof ICON_NAMES)[number];
