import { describe, expect, it } from 'vitest';
import { declareParam } from '../../../src/server/resources/queries/compose';

describe('declaring a parameter of a query saved from the drawer', () => {
  it('text naming an existing node becomes an entity parameter of its label; by key, the query gets the key', () => {
    expect(declareParam('who', 'vyacheslav-gladkov', { label: 'Person', byKey: true })).toEqual({
      name: 'who',
      type: 'entity',
      labels: ['Person'],
      default: 'vyacheslav-gladkov',
      pass: 'id',
    });
    expect(declareParam('x', '4:abc:12', { label: 'Place', byKey: false })).toEqual({
      name: 'x',
      type: 'entity',
      labels: ['Place'],
      default: '4:abc:12',
    });
  });

  it('numbers and dates keep their type even when they are a node key; other text stays text', () => {
    expect(declareParam('id', '500', { label: 'Studio', byKey: true })).toEqual({
      name: 'id',
      type: 'integer',
      default: 500,
    });
    expect(declareParam('d', '2023-04-20', { label: 'Day', byKey: true })).toMatchObject({ type: 'date' });
    expect(declareParam('kind', 'strike')).toEqual({ name: 'kind', type: 'string', default: 'strike' });
  });
});
