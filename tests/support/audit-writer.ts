/**
 * A second API process, as far as the audit trail goes: writes audit entries to the store in
 * NEWSGRAPH_DATA_DIR as fast as it can, each with its own target (`PREFIX-N`), until the file
 * STOP exists; then prints `{"written":N,"failed":N,"errors":[…]}`. Prints `ready` after its
 * first entry. Tests run it beside a restore to check that no committed entry is lost.
 * BUSY_MS shortens the store's busy timeout, so that a small store's restore outlasts it as a
 * large store's would the usual 5 s.
 * usage: tsx tests/support/audit-writer.ts DATA_DIR STOP PREFIX [BUSY_MS]
 */
import { existsSync } from 'node:fs';
import { openAppStore } from '../../src/runtime/store/app-store';
import { createAudit } from '../../src/server/audit/audit';

const [dataDir, stop, prefix, busy] = process.argv.slice(2) as [string, string, string, string?];
const store = openAppStore(dataDir, busy === undefined ? {} : { busyTimeoutMs: Number(busy) });
const audit = createAudit(store);
const actor = { name: 'writer', role: 'editor', via: 'token' } as const;
let written = 0;
let failed = 0;
const errors = new Set<string>();
while (!existsSync(stop)) {
  try {
    // Counted only once the insert returned: what the writer was told is committed.
    audit.record(actor, { action: 'test.write', target: `${prefix}-${written}` });
    written++;
    if (written === 1) process.stdout.write('ready\n');
  } catch (e) {
    failed++;
    errors.add(e instanceof Error ? e.message : String(e));
  }
}
store.close();
process.stdout.write(`${JSON.stringify({ written, failed, errors: [...errors] })}\n`);
