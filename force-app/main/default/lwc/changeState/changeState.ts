import { newIdempotencyKey, type Authorization, type Terms } from 'c/billingApi';

/** A change waiting for the authorization footer: sent only after Accept (R9). */
export interface PendingChange {
    summary: string;
    /** One key per user action, reused if the admin retries the same action. */
    idempotencyKey: string;
    send: (authorization: Authorization, idempotencyKey: string) => Promise<unknown>;
    /** The "what was authorised" line once accepted; by default the summary and who authorised it. */
    describeAccepted?: (authorization: Authorization) => string;
}

/** Everything the shared authorization footer shows for one panel or dialog. */
export interface ChangeState {
    /** The change waiting for Accept, in words; empty when nothing is pending. */
    summary: string;
    termsText: string;
    termsVersion: string;
    /** True while the change is being sent. */
    busy: boolean;
    /** Why the last attempt was refused, if it was. */
    error: unknown;
    /** What was authorised by the last accepted change. */
    authorised: string;
}

/** The footer with nothing to authorise and nothing authorised. */
export const NO_CHANGE: ChangeState = {
    summary: '',
    termsText: '',
    termsVersion: '',
    busy: false,
    error: undefined,
    authorised: ''
};

/**
 * A panel or a dialog holding one change that waits for the authorization footer: the component
 * itself, so that LWC re-renders when these fields change.
 */
export interface ChangeHolder {
    pending: PendingChange | null;
    sending: boolean;
    changeError: unknown;
    authorised: string;
}

/** The "what was authorised" line for an accepted change (R9.2). */
export function authorisedLine(summary: string, authorization: Authorization): string {
    return `${summary}: authorised by ${authorization.firstName} ${authorization.lastName}, terms version ${authorization.termsVersion}.`;
}

/**
 * Shows the authorization footer for a change; nothing is sent yet. Starting the same change again
 * while it still waits (a retry after a refusal) keeps its idempotency key.
 */
export function startChange(
    holder: ChangeHolder,
    summary: string,
    send: PendingChange['send'],
    describeAccepted?: PendingChange['describeAccepted']
): void {
    const idempotencyKey =
        holder.pending?.summary === summary ? holder.pending.idempotencyKey : newIdempotencyKey();
    holder.pending = { summary, idempotencyKey, send, describeAccepted };
    holder.changeError = undefined;
    holder.authorised = '';
}

/** Drops the waiting change (Cancel in the footer); what was authorised before stays shown. */
export function cancelChange(holder: ChangeHolder): void {
    holder.pending = null;
    holder.changeError = undefined;
}

/** Forgets the waiting change and the last authorised line (a dialog opens, the panel starts over). */
export function clearChange(holder: ChangeHolder): void {
    cancelChange(holder);
    holder.authorised = '';
}

/**
 * Sends the waiting change with the footer's authorization. Returns the change when the service
 * accepted it (and `holder.authorised` says what was authorised); when refused, the refusal stays
 * on `holder` with the change and its key, so Accept again retries this same action.
 */
export async function acceptChange(
    holder: ChangeHolder,
    authorization: Authorization
): Promise<PendingChange | null> {
    const change = holder.pending;
    if (!change || holder.sending) return null;
    holder.sending = true;
    holder.changeError = undefined;
    try {
        await change.send(authorization, change.idempotencyKey);
        holder.pending = null;
        holder.authorised = change.describeAccepted
            ? change.describeAccepted(authorization)
            : authorisedLine(change.summary, authorization);
        return change;
    } catch (error) {
        holder.changeError = error;
        return null;
    } finally {
        holder.sending = false;
    }
}

/** What the authorization footer shows for `holder`'s change under `terms`. */
export function changeState(holder: ChangeHolder, terms: Terms | undefined): ChangeState {
    return {
        summary: holder.pending?.summary ?? '',
        termsText: terms?.text ?? '',
        termsVersion: terms?.version ?? '',
        busy: holder.sending,
        error: holder.changeError,
        authorised: holder.authorised
    };
}

/** What a billing dialog (c/billingModal) closes with: the accepted change, if there was one. */
export interface DialogResult {
    summary?: string;
    authorised?: string;
}
