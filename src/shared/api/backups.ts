import { z } from 'zod';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';

export const BackupSchema = z.object({
  file: z.string().describe('file name in the backup folder'),
  at: z.string(),
  bytes: z.number(),
  graph: z.enum(['dump', 'none']).describe('dump: neo4j-admin dump of the managed instance; none: app store only'),
  fingerprint: z.string().nullable().describe('counts and property hash of the graph when backed up'),
});
export type Backup = z.infer<typeof BackupSchema>;

export const BackupsListResponseSchema = z.object({
  dir: z.string(),
  backups: z.array(BackupSchema),
  schedule: z.object({ every: z.string().nullable(), keep: z.number() }),
});
export type BackupsListResponse = z.infer<typeof BackupsListResponseSchema>;

export const backupsListContract = {
  ...ROUTES.backupsList,
  summary: 'Backups in the backup folder, newest first, and the schedule.',
  tag: 'backups',
  response: BackupsListResponseSchema,
  errors: [403],
} as const satisfies EndpointContract;

export const backupCreateContract = {
  ...ROUTES.backupCreate,
  summary:
    'Backs up now: the app store, and the managed Neo4j through neo4j-admin dump (the database stops for the dump: a few seconds of 503).',
  tag: 'backups',
  response: BackupSchema,
  errors: [403, 409, 503],
} as const satisfies EndpointContract;
