import type { Pool } from '../db/pool';
import type { UserDirectory } from '../kernel/caller';
import type { Clock } from '../kernel/clock';
import type { Mailer } from '../kernel/mailer';
import { claimNotice, finishNotice, listUnsentNotices } from './noticeRepository';

/** A 'sending' claim older than this is taken over (its sender died between claim and mark). */
const STALE_CLAIM_MS = 5 * 60_000;

export interface NoticeDeps {
    pool: Pool;
    mailer: Mailer;
    directory: UserDirectory;
    clock: Clock;
}

/**
 * After commit, outside any transaction: sends one notice to the billing administrator's current
 * address, unless another sender holds it or it was sent. The Message-ID is fixed per notice, so
 * a resend after a crash is recognised as the same mail. A failure is recorded and thrown (the
 * queue retries with back-off). 'no_recipient' when the account has no administrator to tell.
 */
export async function deliverNotice(
    deps: NoticeDeps,
    id: string
): Promise<'sent' | 'no_recipient' | 'not_claimed'> {
    const now = deps.clock.now();
    const notice = await claimNotice(deps.pool, id, now, new Date(now.getTime() - STALE_CLAIM_MS));
    if (notice === undefined) return 'not_claimed';
    try {
        const user =
            notice.to_user_id === null
                ? undefined
                : await deps.directory.getUser(notice.org_id, notice.to_user_id);
        if (user === undefined) {
            await finishNotice(deps.pool, id, { status: 'no_recipient', at: deps.clock.now() });
            return 'no_recipient';
        }
        await deps.mailer.send({
            to: user.email,
            subject: notice.subject,
            messageId: `<notice-${notice.id}@powerdialer-billing>`,
            text: notice.text_body,
            html: notice.html_body
        });
    } catch (error) {
        await finishNotice(deps.pool, id, {
            status: 'failed',
            reason: error instanceof Error ? error.message : String(error)
        });
        throw error;
    }
    await finishNotice(deps.pool, id, { status: 'sent', at: deps.clock.now() });
    return 'sent';
}

/** Sends every notice still unsent (the sweep behind the per-notice jobs); failures stay for the next sweep. */
export async function deliverUnsentNotices(
    deps: NoticeDeps,
    limit = 500
): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    for (const id of await listUnsentNotices(deps.pool, limit)) {
        try {
            if ((await deliverNotice(deps, id)) === 'sent') sent++;
        } catch {
            failed++;
        }
    }
    return { sent, failed };
}
