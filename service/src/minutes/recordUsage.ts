import { type Cents, rateUsage, type UsageEvent } from '../../../core/index';
import type { Tx } from '../db/pool';
import { postTransfer } from '../ledger/postTransfer';
import { insertUsage } from './usageRepository';

export type MeteredEvent = UsageEvent & { occurredAt: Date };

/**
 * R5.1/R5.5: rates a batch of calls and texts (core's rateUsage), appends them to minute_usage
 * in one insert, and moves their total from the prepaid minutes to revenue in one ledger
 * transfer. `batchId` is chosen by the meter: sending the same batch again counts it once.
 */
export async function recordUsage(
    tx: Tx,
    input: {
        accountId: string;
        smsRateCents: Cents;
        batchId: string;
        events: readonly MeteredEvent[];
        now: Date;
    }
): Promise<{ totalCents: Cents; recorded: boolean }> {
    const rated = input.events.map((event) => ({ event, cents: rateUsage(event, input.smsRateCents) }));
    const totalCents = rated.reduce((total, row) => total + row.cents, 0);
    const transferId = `usage:${input.accountId}:${input.batchId}`;
    if (totalCents > 0) {
        const transfer = await postTransfer(tx, {
            id: transferId,
            billingAccountId: input.accountId,
            kind: 'minutes_usage',
            description: `Dialer usage, ${rated.length} calls and texts`,
            entries: [
                { account: 'minutes_prepaid', debitCents: totalCents },
                { account: 'revenue_minutes', creditCents: totalCents }
            ],
            at: input.now
        });
        if (transfer.status === 'already_done') return { totalCents, recorded: false };
    }
    const rows = rated.map(({ event, cents }) => ({
        occurredAt: event.occurredAt,
        callSeconds: event.kind === 'call' ? event.seconds : 0,
        smsCount: event.kind === 'sms' ? event.messages : 0,
        ratedCents: cents
    }));
    await insertUsage(tx, input.accountId, rows, totalCents > 0 ? transferId : null);
    return { totalCents, recorded: true };
}
