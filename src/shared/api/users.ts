import { z } from 'zod';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';
import { PasswordSchema, RoleSchema, UserNameSchema } from './session';

export const UserSchema = z.object({
  name: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  tokens: z.number().describe('bearer tokens not revoked'),
});
export type User = z.infer<typeof UserSchema>;

export const UsersListResponseSchema = z.object({ users: z.array(UserSchema) });
export type UsersListResponse = z.infer<typeof UsersListResponseSchema>;

export const UserAddBodySchema = z
  .object({ name: UserNameSchema, role: RoleSchema, password: PasswordSchema })
  .strict();
export type UserAddBody = z.infer<typeof UserAddBodySchema>;

export const UserParamsSchema = z.object({ name: UserNameSchema });

export const UserUpdateBodySchema = z
  .object({
    role: RoleSchema.optional(),
    disabled: z.boolean().optional(),
    signOutEverywhere: z.literal(true).optional().describe('ends every session of the user'),
  })
  .strict();
export type UserUpdateBody = z.infer<typeof UserUpdateBodySchema>;

export const UserPasswordBodySchema = z.object({ password: PasswordSchema }).strict();

export const TokenSchema = z.object({
  id: z.string().describe('public id; the secret is shown once, at creation'),
  label: z.string(),
  role: RoleSchema.nullable().describe("a cap below the user's role, or null for the user's role"),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type Token = z.infer<typeof TokenSchema>;

export const TokensListResponseSchema = z.object({ tokens: z.array(TokenSchema) });
export type TokensListResponse = z.infer<typeof TokensListResponseSchema>;

export const TokenCreateBodySchema = z
  .object({ label: z.string().trim().min(1).max(100), role: RoleSchema.optional() })
  .strict();
export type TokenCreateBody = z.infer<typeof TokenCreateBodySchema>;

export const TokenCreateResponseSchema = z.object({
  token: TokenSchema,
  secret: z.string().describe('send as "Authorization: Bearer <secret>"; never shown again'),
});
export type TokenCreateResponse = z.infer<typeof TokenCreateResponseSchema>;

export const TokenParamsSchema = z.object({ name: UserNameSchema, token: z.string().min(1).max(64) });

export const usersListContract = {
  ...ROUTES.usersList,
  summary: 'Every account with its role and state.',
  tag: 'users',
  response: UsersListResponseSchema,
  errors: [403],
} as const satisfies EndpointContract;

export const userAddContract = {
  ...ROUTES.userAdd,
  summary: 'Adds an account. While there is none, the first must be an admin (it ends the local zero-set-up mode).',
  tag: 'users',
  body: UserAddBodySchema,
  response: UserSchema,
  errors: [400, 403, 409],
} as const satisfies EndpointContract;

export const userUpdateContract = {
  ...ROUTES.userUpdate,
  summary: 'Changes a role, disables or enables an account, or ends all its sessions.',
  tag: 'users',
  params: UserParamsSchema,
  body: UserUpdateBodySchema,
  response: UserSchema,
  errors: [400, 403, 404],
} as const satisfies EndpointContract;

export const userPasswordContract = {
  ...ROUTES.userPassword,
  summary: "Resets an account's password (and ends its sessions).",
  tag: 'users',
  params: UserParamsSchema,
  body: UserPasswordBodySchema,
  response: UserSchema,
  errors: [400, 403, 404],
} as const satisfies EndpointContract;

export const tokensListContract = {
  ...ROUTES.tokensList,
  summary: "An account's bearer tokens (never their secrets).",
  tag: 'users',
  params: UserParamsSchema,
  response: TokensListResponseSchema,
  errors: [403, 404],
} as const satisfies EndpointContract;

export const tokenCreateContract = {
  ...ROUTES.tokenCreate,
  summary: 'Creates a bearer token for scripts; the secret is in this answer only (stored hashed).',
  tag: 'users',
  params: UserParamsSchema,
  body: TokenCreateBodySchema,
  response: TokenCreateResponseSchema,
  errors: [400, 403, 404],
} as const satisfies EndpointContract;

export const tokenRevokeContract = {
  ...ROUTES.tokenRevoke,
  summary: 'Revokes a bearer token at once.',
  tag: 'users',
  params: TokenParamsSchema,
  response: TokenSchema,
  errors: [403, 404],
} as const satisfies EndpointContract;
