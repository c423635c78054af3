/**
 * Accounts from the command line, on the same store the server uses (NEWSGRAPH_DATA_DIR), so it
 * works while the server runs:
 *   npm run user:add -- NAME --role viewer|editor|admin [--password-file FILE]
 *   npm run user:list
 *   npm run user:set -- NAME [--role R] [--disable | --enable] [--password [--password-file FILE]] [--sign-out]
 *   npm run user:token -- NAME [--label TEXT] [--role R] [--from-env] | --list | --revoke ID
 * Passwords are never arguments (they would sit in the shell history and `ps`): they come from a
 * hidden prompt, a file, or standard input when it is not a terminal.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, loadEnv } from '../../runtime/config';
import { openAppStore } from '../../runtime/store/app-store';
import { PasswordSchema, RoleSchema, UserNameSchema } from '../../shared/api/session';
import type { Role } from '../../shared/api/routes';
import { createAudit } from '../audit/audit';
import { AccountError, Accounts } from '../auth/accounts';
import { CLI_ORIGIN, type Actor } from '../http/actor';
import { readSecret } from './secret';

const USAGE = `usage:
  npm run user:add -- NAME --role viewer|editor|admin [--password-file FILE]
  npm run user:list
  npm run user:set -- NAME [--role ROLE] [--disable | --enable] [--password [--password-file FILE]] [--sign-out]
  npm run user:token -- NAME [--label TEXT] [--role ROLE] [--from-env] | --list | --revoke ID`;

class UsageError extends Error {}

function check<T>(
  schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: { issues: { message: string }[] } } },
  v: unknown,
  what: string,
): T {
  const r = schema.safeParse(v);
  if (!r.success) throw new UsageError(`${what} ${r.error!.issues[0]!.message}`);
  return r.data as T;
}

async function password(file: string | undefined): Promise<string> {
  const raw = file
    ? readFileSync(file, 'utf8').replace(/\r?\n$/, '')
    : await readSecret('Password (at least 10 characters): ', 'Again: ');
  return check<string>(PasswordSchema, raw, 'The password');
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      'password-file': { type: 'string' },
      password: { type: 'boolean' },
      disable: { type: 'boolean' },
      enable: { type: 'boolean' },
      'sign-out': { type: 'boolean' },
      label: { type: 'string' },
      'from-env': { type: 'boolean' },
      list: { type: 'boolean' },
      revoke: { type: 'string' },
    },
  });
  const env = loadEnv();
  const store = openAppStore(env.NEWSGRAPH_DATA_DIR);
  try {
    const accounts = new Accounts(store);
    const audit = createAudit(store);
    // The person at the server's console: recorded as such in the audit trail.
    const actor: Actor = { name: `console:${userInfo().username}`, role: 'admin', via: 'local', origin: CLI_ORIGIN };
    const role = values.role === undefined ? undefined : check<Role>(RoleSchema, values.role, '--role');
    const name = () => check<string>(UserNameSchema, positionals[0], 'NAME');

    switch (command) {
      case 'add': {
        const n = name();
        if (!role) throw new UsageError('--role is required (viewer, editor or admin)');
        const a = await accounts.add(n, role, await password(values['password-file']));
        audit.record(actor, {
          action: 'user.add',
          target: a.name,
          after: { name: a.name, role: a.role, disabled: false },
        });
        console.log(`Added ${a.name} (${a.role}) to ${store.file}.`);
        if (accounts.list().length === 1)
          console.log('This is the first account: newsgraph now asks everyone to sign in.');
        return 0;
      }
      case 'list': {
        const users = accounts.list();
        if (!users.length) console.log('No accounts: on 127.0.0.1 the local user is admin, with no sign-in.');
        for (const u of users)
          console.log(
            `${u.name.padEnd(20)} ${u.role.padEnd(7)} ${u.disabled ? 'disabled' : 'enabled '} tokens: ${u.tokens}  last sign-in: ${u.lastLoginAt ?? 'never'}`,
          );
        return 0;
      }
      case 'set': {
        const n = name();
        const before = accounts.get(n);
        if (!before) throw new AccountError('NOT_FOUND', `No account named "${n}".`);
        if (values.disable && values.enable) throw new UsageError('--disable or --enable, not both');
        if (role || values.disable || values.enable || values['sign-out']) {
          const a = accounts.update(n, {
            role,
            disabled: values.disable ? true : values.enable ? false : undefined,
            signOutEverywhere: values['sign-out'] || undefined,
          });
          audit.record(actor, {
            action: 'user.update',
            target: a.name,
            before: { name: before.name, role: before.role, disabled: before.disabled },
            after: { name: a.name, role: a.role, disabled: a.disabled },
          });
          console.log(`${a.name}: ${a.role}, ${a.disabled ? 'disabled' : 'enabled'}.`);
        }
        if (values.password || values['password-file']) {
          await accounts.setPassword(n, await password(values['password-file']));
          audit.record(actor, { action: 'user.password', target: n, detail: { sessionsEnded: true } });
          console.log(`${n}: new password set; their sessions are ended.`);
        }
        return 0;
      }
      case 'token': {
        const n = name();
        if (values.list) {
          for (const t of accounts.tokens(n))
            console.log(
              `${t.id}  ${t.label.padEnd(24)} ${(t.role ?? 'user role').padEnd(9)} created ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}`,
            );
          return 0;
        }
        if (values.revoke) {
          const t = accounts.revokeToken(n, values.revoke);
          audit.record(actor, { action: 'token.revoke', target: n, after: { id: t.id, label: t.label } });
          console.log(`Token ${t.id} of ${n} revoked.`);
          return 0;
        }
        let secret: string | undefined;
        if (values['from-env']) {
          secret = env.NEWSGRAPH_TOKEN;
          if (!secret) throw new UsageError('--from-env: NEWSGRAPH_TOKEN is not set');
        }
        const label = values.label ?? (values['from-env'] ? 'NEWSGRAPH_TOKEN' : 'script');
        const r = accounts.createToken(n, label, role ?? null, secret);
        audit.record(actor, {
          action: 'token.create',
          target: n,
          after: { id: r.token.id, label, role: role ?? null },
        });
        if (values['from-env']) {
          console.log(`NEWSGRAPH_TOKEN is now token ${r.token.id} of ${n}: scripts keep sending it as before.`);
          console.log('Unset NEWSGRAPH_TOKEN in the server environment; revoke it with --revoke ID when done.');
        } else {
          console.log(`Token ${r.token.id} for ${n} (shown once; send it as "Authorization: Bearer <token>"):`);
          console.log(r.secret);
        }
        return 0;
      }
      default:
        console.error(USAGE);
        return 2;
    }
  } finally {
    store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) console.error(`newsgraph: ${e.message}\n${USAGE}`);
    else if (e instanceof AccountError || e instanceof ConfigError) console.error(`newsgraph: ${e.message}`);
    else console.error(e);
    process.exit(1);
  },
);
