import type { GazetteerEntry } from '../../../src/ingest/extract/types';

/** A small graph for the ingest tests (our own fixture, not the seed data). */
export const GAZETTEER: GazetteerEntry[] = [
  { id: 'russia', labels: ['Place'], name: 'Russia', aliases: ['Russia'], kind: 'country' },
  { id: 'ukraine', labels: ['Place'], name: 'Ukraine', aliases: ['Ukraine'], kind: 'country' },
  { id: 'moscow', labels: ['Place'], name: 'Moscow', aliases: ['Moscow'], kind: 'city' },
  { id: 'kursk-region', labels: ['Place'], name: 'Kursk region', aliases: ['Kursk region'], kind: 'region' },
  {
    id: 'government-of-russia',
    labels: ['Organization'],
    name: 'Government of Russia',
    aliases: [],
    kind: 'government',
    country: 'russia',
  },
  {
    id: 'kremlin',
    labels: ['Organization'],
    name: 'Kremlin',
    aliases: ['Kremlin'],
    kind: 'government',
    country: 'russia',
  },
  { id: 'tass', labels: ['Organization'], name: 'TASS', aliases: ['TASS'], kind: 'news-agency' },
  {
    id: 'ukraine-defence-ministry',
    labels: ['Organization'],
    name: 'Ukrainian Ministry of Defence',
    aliases: ['Defence Ministry'],
    kind: 'government-ministry',
  },
  { id: 'kh-59', labels: ['Weapon'], name: 'Kh-59', aliases: ['Kh-59'], kind: 'missile' },
  {
    id: 'volodymyr-zelensky',
    labels: ['Person'],
    name: 'Volodymyr Zelensky',
    aliases: ['Volodymyr Zelensky', 'Zelensky', 'Mr. Zelensky'],
  },
  {
    id: 'mykhailo-podolyak',
    labels: ['Person'],
    name: 'Mykhailo Podolyak',
    aliases: ['Mykhailo Podolyak', 'Podolyak'],
  },
  {
    id: 'vyacheslav-gladkov',
    labels: ['Person'],
    name: 'Vyacheslav Gladkov',
    aliases: ['Vyacheslav Gladkov', 'Gladkov'],
  },
];
