import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toJson } from '../../../src/server/db/convert';
import { cleanNeo4jMessage, classifyNeo4jError, syntaxPosition } from '../../../src/server/http/errors';
import { nodeCaption, nodeKey } from '../../../src/server/db/graph';

const { Date: NDate, DateTime, LocalDateTime, LocalTime, Time, Duration, Point } = neo4j.types;

describe('Neo4j values → JSON', () => {
  it('integers: numbers when safe, exact strings beyond 2^53', () => {
    expect(toJson(neo4j.int(42))).toBe(42);
    expect(toJson(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toJson(neo4j.int('-9223372036854775808'))).toBe('-9223372036854775808');
    expect(toJson(BigInt('12345678901234567890'))).toBe('12345678901234567890');
  });

  it('temporal values and durations as ISO strings', () => {
    expect(toJson(new NDate(2023, 4, 20))).toBe('2023-04-20');
    expect(toJson(new LocalTime(10, 5, 0, 0))).toBe('10:05:00');
    expect(toJson(new LocalDateTime(2023, 4, 20, 23, 59, 1, 500_000_000))).toBe('2023-04-20T23:59:01.500000000');
    expect(toJson(new DateTime(2023, 12, 30, 15, 0, 0, 0, 3 * 3600))).toBe('2023-12-30T15:00:00+03:00');
    expect(toJson(new DateTime(2023, 12, 30, 15, 0, 0, 0, undefined, 'Europe/Moscow'))).toBe(
      '2023-12-30T15:00:00[Europe/Moscow]',
    );
    expect(toJson(new Time(10, 0, 0, 0, 0))).toBe('10:00:00Z');
    expect(toJson(new Duration(14, 3, 4 * 3600, 0))).toBe('P1Y2M3DT4H');
    // ISO 8601 without a dangling T, fractions unpadded, signs per component (as Neo4j prints them).
    expect(toJson(new Duration(0, 1, 0, 0))).toBe('P1D');
    expect(toJson(new Duration(0, 0, 0, 0))).toBe('PT0S');
    expect(toJson(new Duration(14, 3, 3723, 500_000_000))).toBe('P1Y2M3DT1H2M3.5S');
    expect(toJson(new Duration(0, 0, -1, 500_000_000))).toBe('PT-0.5S');
    expect(toJson(new Duration(1, 0, 90, 0))).toBe('P1MT1M30S');
  });

  it('points: WGS-84 as lat/lon, cartesian as x/y/srid', () => {
    expect(toJson(new Point(4326, 36.58, 50.59))).toEqual({ lat: 50.59, lon: 36.58 });
    expect(toJson(new Point(4979, 36.58, 50.59, 120))).toEqual({ lat: 50.59, lon: 36.58, height: 120 });
    expect(toJson(new Point(7203, 1, 2))).toEqual({ x: 1, y: 2, srid: 7203 });
    expect(toJson(new Point(9157, 1, 2, 3))).toEqual({ x: 1, y: 2, z: 3, srid: 9157 });
  });

  it('lists, maps, bytes and non-finite floats', () => {
    expect(toJson([neo4j.int(1), { d: new NDate(2022, 1, 2) }])).toEqual([1, { d: '2022-01-02' }]);
    expect(toJson(new Int8Array([1, -2]))).toEqual([1, -2]);
    expect(toJson(NaN)).toBe('NaN');
    expect(toJson(-Infinity)).toBe('-Infinity');
    expect(toJson(undefined)).toBeNull();
  });
});

describe('captions and keys', () => {
  it('falls back name → title → id → elementId', () => {
    expect(nodeCaption({ name: 'Belgorod', title: 'x', id: 'y' }, 'e1')).toBe('Belgorod');
    expect(nodeCaption({ title: 'The Matrix', id: 'm1' }, 'e1')).toBe('The Matrix');
    expect(nodeCaption({ id: neo4j.int(7) }, 'e1')).toBe('7');
    expect(nodeCaption({ name: '  ', code: 'x' }, '4:abc:1')).toBe('4:abc:1');
    expect(nodeKey({ id: 'belgorod' })).toBe('belgorod');
    expect(nodeKey({ id: neo4j.int(12) })).toBe('12');
    expect(nodeKey({})).toBeNull();
  });
});

describe('Neo4j errors', () => {
  it('reads syntax positions and cleans messages', () => {
    const m =
      'Invalid input \'RETURN\': expected a graph pattern (line 2, column 10 (offset: 25))\n"MATCH (n RETURN n"\n          ^';
    expect(syntaxPosition(m)).toEqual({ line: 2, column: 10, offset: 25 });
    expect(cleanNeo4jMessage(m)).toBe("Invalid input 'RETURN': expected a graph pattern");
    expect(
      syntaxPosition('Expected exactly one statement per query but got: 2 (line 0, column 0 (offset: 0))'),
    ).toBeUndefined();
  });

  it.each([
    [
      { name: 'Neo4jError', code: 'ServiceUnavailable', message: 'Could not perform discovery' },
      503,
      'NEO4J_UNAVAILABLE',
    ],
    [{ name: 'Neo4jError', code: 'SessionExpired', message: 'x' }, 503, 'NEO4J_UNAVAILABLE'],
    [{ name: 'Neo4jError', code: 'Neo.ClientError.Security.Unauthorized', message: 'x' }, 503, 'NEO4J_UNAVAILABLE'],
    [{ name: 'Neo4jError', code: 'N/A', message: 'connect ECONNREFUSED 127.0.0.1:1' }, 503, 'NEO4J_UNAVAILABLE'],
    [
      { name: 'Neo4jError', code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', message: 'x' },
      504,
      'TIMEOUT',
    ],
    [
      { name: 'Neo4jError', code: 'Neo.TransientError.General.MemoryPoolOutOfMemoryError', message: 'x' },
      507,
      'MEMORY_LIMIT',
    ],
    [
      {
        name: 'Neo4jError',
        code: 'Neo.ClientError.Statement.SyntaxError',
        message: 'bad (line 1, column 2 (offset: 1))',
      },
      400,
      'CYPHER_ERROR',
    ],
    [{ name: 'Neo4jError', code: 'Neo.DatabaseError.General.UnknownError', message: 'x' }, 503, 'NEO4J_UNAVAILABLE'],
  ])('%j → %i %s', (e, status, code) => {
    const api = classifyNeo4jError(e, 'neo4j')!;
    expect(api.status).toBe(status);
    expect(api.code).toBe(code);
  });

  it('a statement Neo4j cannot execute is the query\'s fault, said in Neo4j\'s first sentence, not "try again"', () => {
    const message =
      'The shortest path algorithm does not work when the start and end nodes are the same. This can happen if you\n' +
      'perform a shortestPath search after a cartesian product that might have the same start and end nodes for some\n' +
      'of the rows passed to shortestPath.';
    const api = classifyNeo4jError(
      { name: 'Neo4jError', code: 'Neo.DatabaseError.Statement.ExecutionFailed', message },
      'neo4j',
    )!;
    expect(api.status).toBe(400);
    expect(api.code).toBe('CYPHER_ERROR');
    expect(api.message).toBe('The shortest path algorithm does not work when the start and end nodes are the same.');
  });

  it('leaves other errors alone (they become 500s without details)', () => {
    expect(classifyNeo4jError(new TypeError('x is undefined'), 'neo4j')).toBeNull();
  });
});
