/** The shape of one `npm run bench` run's figures (results.json), read by the report and the tests. */
import type { ApiResults } from './api/run';
import type { MachineInfo } from './lib/machine';
import type { LoadResults } from './loading/run';
import type { RenderResults } from './render/run';
import type { StartupResults } from './startup/run';

export interface BenchResults {
  mode: 'full' | 'quick';
  machine: MachineInfo;
  machineAfter: MachineInfo | null;
  durationMs: number;
  load: Omit<LoadResults, 'kept'> | { error: string } | null;
  api: ApiResults | { error: string } | null;
  render: RenderResults | { error: string } | null;
  startup: StartupResults | { error: string } | null;
  seed: number;
  /** Graph the API part ran on. */
  apiScale: number | null;
  /** How that graph was built: the load part's last loader run, or the offline importer (`--only api`). */
  apiGraph?: 'loader' | 'import';
}
