/** A failure of the managed Neo4j with a message a person can act on; `code` is stable for callers to match on. */
export class ManagedNeo4jError extends Error {
  override name = 'ManagedNeo4jError';
  constructor(
    readonly code:
      | 'JAVA_MISSING'
      | 'JAVA_TOO_OLD'
      | 'MAVEN_MISSING'
      | 'MAVEN_UNREACHABLE'
      | 'INSTALL_FAILED'
      | 'PORT_IN_USE'
      | 'INSTANCE_LOCKED'
      | 'START_FAILED'
      | 'START_TIMEOUT',
    message: string,
  ) {
    super(message);
  }
}
