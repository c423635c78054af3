import { join } from 'node:path';
import { ROOT } from '../paths';

export const CORENLP_POM = join(ROOT, 'nlp', 'pom.xml');
/** The loopback HTTP provider's source (see the class comment for why it exists). */
export const LOOPBACK_SOURCE = join(ROOT, 'nlp', 'src', 'newsgraph', 'corenlp', 'LoopbackHttpServerProvider.java');
/** Git-ignored home of the managed CoreNLP: jars in lib/, the compiled provider in launcher/, logs/. */
export const CORENLP_DIR = join(ROOT, '.corenlp');
export const CORENLP_LIB = join(CORENLP_DIR, 'lib');
export const CORENLP_LAUNCHER = join(CORENLP_DIR, 'launcher');
export const CORENLP_LOGS = join(CORENLP_DIR, 'logs');
