import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/server/http/errors';
import {
  checkPlan,
  checkQueryType,
  precheckText,
  procedureName,
  toCypherParams,
  type PlanNode,
} from '../../../src/server/sandbox/sandbox';
import neo4j from 'neo4j-driver';

const rejection = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).status).toBe(400);
    return (e as ApiError).details.reason as string;
  }
  return undefined;
};

const plan = (operatorType: string, details?: string, children: PlanNode[] = []): PlanNode => ({
  operatorType,
  arguments: details ? { Details: details } : {},
  children,
});

describe('precheckText', () => {
  it.each([
    ['RETURN 1; RETURN 2', 'MULTIPLE_STATEMENTS'],
    ['USE system SHOW USERS', 'USE'],
    ['  use neo4j MATCH (n) RETURN n', 'USE'],
    ['CALL { USE system RETURN 1 AS x } RETURN x', 'USE'],
    ['MATCH (n) RETURN n UNION USE system RETURN 1 AS n', 'USE'],
    ['EXPLAIN MATCH (n) RETURN n', 'EXPLAIN_PROFILE'],
    ['profile MATCH (n) RETURN n', 'EXPLAIN_PROFILE'],
    ['CALL { MATCH (n) RETURN n } IN TRANSACTIONS OF 5 ROWS RETURN n', 'IN_TRANSACTIONS'],
    ['RETURN [x IN range(1, 1e9) | x]', 'EXPRESSION_BOMB'],
  ])('%s → %s', (q, reason) => expect(rejection(() => precheckText(q))).toBe(reason));

  it('lets ordinary reads through, without their trailing semicolon', () => {
    expect(precheckText('MATCH (n) WHERE n.use = 1 RETURN n.use AS use;')).toBe(
      'MATCH (n) WHERE n.use = 1 RETURN n.use AS use',
    );
    expect(precheckText("RETURN 'USE system; CREATE (n)' AS s")).toBe("RETURN 'USE system; CREATE (n)' AS s");
  });
});

describe('plan checks', () => {
  it('reads procedure names from the operator details', () => {
    expect(procedureName('db.labels() :: (label :: STRING)')).toBe('db.labels');
    expect(
      procedureName('db.index.fulltext.queryNodes($autostring_0, $autostring_1) :: (node :: NODE, score :: FLOAT)'),
    ).toBe('db.index.fulltext.queryNodes');
    expect(procedureName(undefined)).toBeNull();
  });

  it('accepts plain reads and allowlisted procedures', () => {
    expect(() =>
      checkPlan(
        plan('ProduceResults@neo4j', 'n', [plan('Expand(All)@neo4j', '(a)-->(b)', [plan('AllNodesScan@neo4j', 'a')])]),
      ),
    ).not.toThrow();
    expect(() =>
      checkPlan(
        plan('ProduceResults@neo4j', 'label', [plan('ProcedureCall@neo4j', 'db.labels() :: (label :: STRING)')]),
      ),
    ).not.toThrow();
    expect(() => checkPlan(plan('ShortestPath@neo4j', 'p'))).not.toThrow();
    expect(() => checkPlan(false)).not.toThrow();
  });

  it.each([
    [plan('LoadCSV@neo4j', 'line'), 'LOAD_CSV'],
    [plan('ProcedureCall@neo4j', 'dbms.listConfig() :: (name :: STRING)'), 'PROCEDURE'],
    [plan('ProcedureCall@neo4j'), 'PROCEDURE'],
    [plan('TransactionApply@neo4j', 'IN TRANSACTIONS OF 1000 ROWS'), 'IN_TRANSACTIONS'],
    [plan('ShowTransactions@neo4j'), 'ADMINISTRATION'],
    [plan('TerminateTransactions@neo4j'), 'ADMINISTRATION'],
    [plan('AdministrationCommand@system'), 'ADMINISTRATION'],
    [plan('CreateIndex@neo4j'), 'WRITE'],
    [plan('SetProperty@neo4j', 'n.x = 1'), 'WRITE'],
    [
      plan('ProduceResults@neo4j', 'l', [
        plan('Apply@neo4j', '', [plan('Argument@neo4j'), plan('LoadCSV@neo4j', 'l')]),
      ]),
      'LOAD_CSV',
    ],
  ])('rejects %j', (p, reason) => expect(rejection(() => checkPlan(p))).toBe(reason));

  it('only query type r passes', () => {
    expect(() => checkQueryType('r')).not.toThrow();
    expect(rejection(() => checkQueryType('w'))).toBe('WRITE');
    expect(rejection(() => checkQueryType('rw'))).toBe('WRITE');
    expect(rejection(() => checkQueryType('s'))).toBe('SCHEMA_OR_ADMIN');
    expect(rejection(() => checkQueryType(undefined))).toBe('QUERY_TYPE');
  });
});

describe('toCypherParams', () => {
  it('sends whole numbers as integers, keeps floats, recurses', () => {
    const p = toCypherParams({ n: 5, f: 1.5, list: [1, 'x'], nested: { big: 2 ** 60 } }) as Record<string, any>;
    expect(neo4j.isInt(p.n)).toBe(true);
    expect(p.f).toBe(1.5);
    expect(neo4j.isInt(p.list[0])).toBe(true);
    expect(p.nested.big).toBe(2 ** 60); // beyond 2^53: left as a float rather than silently wrong
  });
});
