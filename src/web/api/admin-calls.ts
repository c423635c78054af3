/** Administration (admin role): accounts and the audit trail. */
import type { AuditQuery, AuditResponse, User, UserAddBody, UserUpdateBody, UsersListResponse } from '../../shared/api';
import { ROUTES } from '../../shared/api/routes';
import type { Query, TransportClass } from './transport';

export function withAdminCalls<B extends TransportClass>(Base: B) {
  return class AdminCalls extends Base {
    users(): Promise<UsersListResponse> {
      return this.request(ROUTES.usersList);
    }

    addUser(body: UserAddBody): Promise<User> {
      return this.request(ROUTES.userAdd, { body });
    }

    updateUser(name: string, body: UserUpdateBody): Promise<User> {
      return this.request(ROUTES.userUpdate, { params: { name }, body });
    }

    audit(q: AuditQuery = {}): Promise<AuditResponse> {
      return this.request(ROUTES.audit, { query: q as Query });
    }
  };
}
