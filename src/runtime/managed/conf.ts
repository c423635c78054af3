import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../paths';

export interface ConfValues {
  boltPort: number;
  importDir: string;
  pluginsDir: string;
  txTimeout?: string;
  txMemory?: string;
  txTotalMemory: string;
  pagecache: string;
  /** Extra settings appended last (the benchmarks' bulk-load limits, for instance). */
  extra?: Record<string, string>;
}

/** Renders neo4j/neo4j.conf.template; every placeholder must be filled. */
export function renderConf(v: ConfValues): string {
  const template = readFileSync(join(ROOT, 'neo4j', 'neo4j.conf.template'), 'utf8');
  const values: Record<string, string> = {
    BOLT_PORT: String(v.boltPort),
    IMPORT_DIR: v.importDir,
    PLUGINS_DIR: v.pluginsDir,
    TX_TIMEOUT: v.txTimeout ?? '30s',
    TX_MEMORY: v.txMemory ?? '256m',
    TX_TOTAL_MEMORY: v.txTotalMemory,
    PAGECACHE: v.pagecache,
  };
  const out = template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => {
    const val = values[k];
    if (val === undefined) throw new Error(`neo4j.conf.template: unknown placeholder {{${k}}}`);
    return val;
  });
  const extra = Object.entries(v.extra ?? {}).map(([k, val]) => `${k}=${val}`);
  return extra.length ? `${out}\n# Extra settings\n${extra.join('\n')}\n` : out;
}

/** Megabytes in a "512m" / "2g" size. */
export function sizeToMb(size: string): number {
  const m = /^(\d+)([mg])$/i.exec(size);
  if (!m) throw new Error(`bad size ${size}`);
  return Number(m[1]) * (m[2]!.toLowerCase() === 'g' ? 1024 : 1);
}
