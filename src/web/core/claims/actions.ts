/**
 * The contested-claims board: the board as loaded (for an "as reported by" day, or today) and
 * its "only contested" switch. Pure producers; loading is app/claims.ts.
 */
import type { ClaimsResponse } from '../../../shared/api';
import type { AppState } from '../state';

export interface ClaimsBoardState {
  data: ClaimsResponse | null;
  /** The "as reported by" day the board was loaded for (null: today's knowledge). */
  asOf: string | null;
  loading: boolean;
  error: string | null;
  contestedOnly: boolean;
}

export const INITIAL_CLAIMS: ClaimsBoardState = {
  data: null,
  asOf: null,
  loading: false,
  error: null,
  contestedOnly: false,
};

const patchClaims =
  (patch: Partial<ClaimsBoardState>) =>
  (s: AppState): AppState => ({ ...s, claims: { ...s.claims, ...patch } });

export const claimsLoading = () => patchClaims({ loading: true, error: null });
export const claimsLoaded = (data: ClaimsResponse, asOf: string | null) => patchClaims({ data, asOf, loading: false });
export const claimsFailed = (error: string) => patchClaims({ loading: false, error });
export const setContestedOnly = (contestedOnly: boolean) => patchClaims({ contestedOnly });
