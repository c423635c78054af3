/** The glyphs a perspective's labels can use: 24×24 SVG paths (even-odd fill), drawn in nodes and the legend. */
import type { IconName } from '../../shared/api/perspectives';

export const ICONS: Record<IconName, string> = {
  dot: 'M12 5a7 7 0 1 0 0 14 7 7 0 0 0 0-14z',
  person: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 20c0-3.3 3.6-6 8-6s8 2.7 8 6z',
  building:
    'M4 21V3h10v5h6v13zM7 6v2h2V6zm4 0v2h2V6zM7 10v2h2v-2zm4 0v2h2v-2zm4 0v2h2v-2zM7 14v2h2v-2zm4 0v2h2v-2zm4 0v2h2v-2z',
  pin: 'M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 4.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z',
  bolt: 'M13.5 2 4 13.5h6.5L9.5 22 20 9.5h-6.5z',
  missile:
    'M12 2c2.4 1.8 3.8 4.6 3.8 8.2V15l2.7 3.6V21l-4-1.7H9.5L5.5 21v-2.4L8.2 15v-4.8C8.2 6.6 9.6 3.8 12 2zm0 6a1.6 1.6 0 1 0 0 3.2A1.6 1.6 0 0 0 12 8z',
  bubble: 'M3 4h18v12H10l-5 4v-4H3zm4.5 4v4h3V8zm6 0v4h3V8z',
  doc: 'M5 2h10l5 5v15H5zm3 9v2h9v-2zm0 4v2h9v-2zm0-8v2h5V7z',
  film: 'M3 5h18v14H3zm2 2v2h2V7zm0 4v2h2v-2zm0 4v2h2v-2zm12-8v2h2V7zm0 4v2h2v-2zm0 4v2h2v-2zM9 8v8h6V8z',
  star: 'M12 2.5l2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.4l-5.9 3.1 1.2-6.5L2.5 9.4l6.6-.9z',
  tag: 'M3 3h8.5L21 12.5 12.5 21 3 11.5zm4.5 3a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z',
  calendar: 'M4 5h3V3h2v2h6V3h2v2h3v16H4zm2 6v8h12v-8zm2 2h3v3H8z',
  link: 'M10.6 13.4a1 1 0 0 1 0-1.4l3-3a1 1 0 1 1 1.4 1.4l-3 3a1 1 0 0 1-1.4 0zM8 20a4 4 0 0 1-2.8-6.8l2.5-2.5 1.4 1.4-2.5 2.5a2 2 0 1 0 2.8 2.8l2.5-2.5 1.4 1.4-2.5 2.5A4 4 0 0 1 8 20zm8.3-6.7-1.4-1.4 2.5-2.5a2 2 0 1 0-2.8-2.8l-2.5 2.5-1.4-1.4 2.5-2.5a4 4 0 1 1 5.6 5.6z',
  box: 'M12 2 21 7v10l-9 5-9-5V7zm0 2.3L5.7 7.8 12 11.3l6.3-3.5zM5 9.5v6.3l6 3.4v-6.4zm14 0-6 3.3v6.4l6-3.4z',
};
