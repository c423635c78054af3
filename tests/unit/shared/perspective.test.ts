import { describe, expect, it } from 'vitest';
import { PerspectiveSchema, type Perspective } from '../../../src/shared/api/perspectives';
import {
  evalCaption,
  genericCaption,
  legendLabels,
  mainLabel,
  nodeCaptionOf,
  edgeLabelOf,
  relationshipCaptionOf,
} from '../../../src/shared/perspective';
import { PERSPECTIVES_DIR } from '../../../src/runtime/paths';
import { readPerspectiveFiles } from '../../../src/server/resources/perspectives/file';

const film: Perspective = PerspectiveSchema.parse({
  format: 'newsgraph-perspective',
  version: 1,
  name: 'films',
  labels: [
    { label: 'Movie', display: 'Movie', caption: '{title} ({released})', color: { light: '#112233', dark: '#445566' } },
    { label: 'Person', display: 'Person', caption: 'name', color: { light: '#112233', dark: '#445566' } },
    { label: 'Studio', display: 'Studio', caption: 'code|id', color: { light: '#112233', dark: '#445566' } },
    {
      label: 'Entity',
      display: 'Entity',
      caption: 'name',
      color: { light: '#112233', dark: '#445566' },
      legend: false,
    },
  ],
  relationships: [
    { type: 'ACTED_IN', caption: 'roles' },
    { type: 'REVIEWED', caption: '{rating}/100' },
  ],
  otherRelationships: { color: { light: '#b4b4c0', dark: '#5c5c6a' } },
  search: { properties: ['name', 'title'] },
  views: { timeline: { on: false }, map: { on: false }, claims: false, corroboration: false },
});

describe('captions under a perspective', () => {
  it('templates, fallbacks and the relationship type', () => {
    expect(evalCaption('{title} ({released})', { title: 'Speed', released: 1994 })).toBe('Speed (1994)');
    expect(evalCaption('{title} ({released})', { title: 'Speed' })).toBe('Speed');
    expect(evalCaption('{title}', {})).toBe('');
    expect(evalCaption('code|id', { id: 500 })).toBe('500');
    expect(evalCaption('roles|type', {}, 'ACTED_IN')).toBe('ACTED_IN');
    expect(evalCaption('roles', { roles: ['Neo', 'Thomas Anderson'] })).toBe('Neo, Thomas Anderson');
  });

  it('a node is captioned by its main label; without properties it is "Label #n", never its element id', () => {
    expect(nodeCaptionOf(film, ['Movie'], { title: 'Speed', released: 1994 }, '4:x:1')).toBe('Speed (1994)');
    expect(nodeCaptionOf(film, ['Studio'], { id: 500, code: 'WB-HQ' }, '4:x:2')).toBe('WB-HQ');
    expect(nodeCaptionOf(film, ['Blank'], {}, '4:abc-def:17')).toBe('Blank #17');
    expect(genericCaption(['Studio'], { id: 500, code: 'WB-HQ' }, '4:x:2')).toBe('WB-HQ');
    expect(nodeCaptionOf(null, [], {}, '4:abc:9')).toBe('Node #9');
  });

  it('relationships show their caption property, else their type', () => {
    expect(relationshipCaptionOf(film, 'ACTED_IN', { roles: ['Neo'] })).toBe('Neo');
    expect(relationshipCaptionOf(film, 'ACTED_IN', {})).toBe('ACTED_IN');
    expect(relationshipCaptionOf(film, 'REVIEWED', { rating: 92 })).toBe('92/100');
    expect(relationshipCaptionOf(film, 'DIRECTED', { year: 1999 })).toBe('DIRECTED');
  });

  it('a type captioned with nothing is written on no edge, but still named by its type elsewhere', () => {
    const quiet = PerspectiveSchema.parse({ ...film, relationships: [{ type: 'CONNECTS', caption: '' }] });
    expect(edgeLabelOf(quiet, 'CONNECTS', { w: 1 })).toBe('');
    expect(relationshipCaptionOf(quiet, 'CONNECTS', { w: 1 })).toBe('CONNECTS');
    expect(edgeLabelOf(quiet, 'OTHER', {})).toBe('OTHER'); // a type it does not list: its type, as before
    expect(edgeLabelOf(film, 'ACTED_IN', { roles: ['Neo'] })).toBe(
      relationshipCaptionOf(film, 'ACTED_IN', { roles: ['Neo'] }),
    );
  });

  it('every label of a node counts in the legend, except umbrella ones', () => {
    expect(legendLabels(film, ['Person', 'Actor', 'Director'])).toEqual(['Person', 'Actor', 'Director']);
    expect(legendLabels(film, ['Entity', 'Person'])).toEqual(['Person']);
    expect(legendLabels(film, [])).toEqual(['(no label)']);
    expect(mainLabel(film, ['Actor', 'Person'])).toBe('Person');
    expect(mainLabel(film, ['Entity', 'Gadget'])).toBe('Gadget');
  });

  it('the news perspective file parses and captions as before (name, then title, then id)', () => {
    const news = readPerspectiveFiles(PERSPECTIVES_DIR).find((f) => f.file === 'news.json')!.perspective;
    expect(news.views.timeline).toMatchObject({ on: true, mode: 'news' });
    expect(news.views.claims).toBe(true);
    expect(nodeCaptionOf(news, ['Entity', 'Person'], { id: 'p-gladkov', name: 'Vyacheslav Gladkov' }, '4:x:1')).toBe(
      'Vyacheslav Gladkov',
    );
  });
});
