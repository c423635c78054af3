/** A failure of the managed CoreNLP server with a message a person can act on. `code` is stable for tests. */
export class CoreNlpError extends Error {
  override name = 'CoreNlpError';
  constructor(
    readonly code:
      | 'JAVA_MISSING'
      | 'JAVA_TOO_OLD'
      | 'JAVAC_MISSING'
      | 'MAVEN_MISSING'
      | 'MAVEN_UNREACHABLE'
      | 'INSTALL_FAILED'
      | 'PORT_IN_USE'
      | 'START_FAILED'
      | 'START_TIMEOUT'
      /** The server was up and then exited (killed, out of memory) or stopped answering. */
      | 'DIED'
      /** The server answered an annotation request with an error. */
      | 'ANNOTATE_FAILED',
    message: string,
  ) {
    super(message);
  }
}
