import { create } from 'zustand';
import type { Approval, ApprovalAction, Role } from '../../../shared/contract/index.ts';

/**
 * A supervisor's PIN asked on the spot: any screen awaits `requestApproval(...)` and gets the
 * Approval, or null when the cashier gave up. One request at a time; ApprovalModal shows it.
 */

export type ApprovalRequest = {
  action: ApprovalAction;
  /** What is being authorised, in words, shown to the supervisor. */
  summary: string;
  details?: Record<string, unknown>;
  reason?: string;
  resolve(approval: Approval | null): void;
};

type ApprovalState = {
  request: ApprovalRequest | null;
  /** The supervisor who authorised last: usually the one still at hand. */
  lastSupervisorId: string | null;
};

export const useApprovalRequest = create<ApprovalState>()(() => ({
  request: null,
  lastSupervisorId: null,
}));

export function requestApproval(
  action: ApprovalAction,
  opts: { summary: string; details?: Record<string, unknown>; reason?: string },
): Promise<Approval | null> {
  // A request left open (the screen changed under it) is answered "no" before the next one.
  useApprovalRequest.getState().request?.resolve(null);
  return new Promise((resolve) => {
    useApprovalRequest.setState({
      request: {
        action,
        ...opts,
        resolve: (approval) => {
          useApprovalRequest.setState({ request: null });
          resolve(approval);
        },
      },
    });
  });
}

/** Fiado over the limit and balance corrections are the owner's; the rest, encargado or owner. */
const OWNER: readonly Role[] = ['dueno'];
const SUPERVISORS: readonly Role[] = ['encargado', 'dueno'];

export function rolesFor(action: ApprovalAction): readonly Role[] {
  return action === 'fiado.over_limit' || action === 'customer.adjust' ? OWNER : SUPERVISORS;
}
