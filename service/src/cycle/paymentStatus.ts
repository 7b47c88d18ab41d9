import { formatCyclePeriod } from '../../../core/index';
import type { Queryable } from '../db/pool';
import { latestCollection, type Collection } from './collectionRepository';

/** R4.2 what the admin sees of the latest cycle bill: "Payment failed on December 1, 2026; next try December 3, 2026." */
export interface PaymentStatus {
    period: string;
    status: Collection['status'];
    attempts: number;
    /** Local day of the first decline (YYYY-MM-DD), null when none. */
    failedOn: string | null;
    /** Local day of the next try, null when none is scheduled. */
    nextTryOn: string | null;
    waitingForNewSource: boolean;
    /** One sentence for the panel. */
    message: string;
}

export async function paymentStatus(
    db: Queryable,
    account: { id: string; timeZone: string }
): Promise<PaymentStatus | null> {
    const collection = await latestCollection(db, account.id);
    if (collection === undefined) return null;
    const day = (instant: Date | null) =>
        instant === null ? null : instant.toLocaleDateString('en-CA', { timeZone: account.timeZone });
    const spoken = (instant: Date) =>
        instant.toLocaleDateString('en-US', {
            timeZone: account.timeZone,
            year: 'numeric',
            month: 'long',
            day: 'numeric'
        });
    return {
        period: collection.period,
        status: collection.status,
        attempts: collection.attempts,
        failedOn: day(collection.firstDeclinedAt),
        nextTryOn:
            collection.status === 'collecting' && collection.firstDeclinedAt !== null
                ? day(collection.nextAttemptAt)
                : null,
        waitingForNewSource: collection.waitingForNewSource,
        message: messageOf(collection, spoken)
    };
}

function messageOf(collection: Collection, spoken: (instant: Date) => string): string {
    const month = formatCyclePeriod(collection.period);
    if (collection.status === 'paid') return `The ${month} bill is paid.`;
    if (collection.firstDeclinedAt === null) return `The ${month} bill is being charged.`;
    const failed = `Payment of the ${month} bill failed on ${spoken(collection.firstDeclinedAt)}`;
    if (collection.status === 'past_due')
        return `${failed}; every try failed and the account is past due. Add or update a funding source to pay it at once.`;
    if (collection.waitingForNewSource)
        return `${failed}; it is tried again as soon as a funding source is added or changed.`;
    return collection.nextAttemptAt === null
        ? `${failed}.`
        : `${failed}; next try ${spoken(collection.nextAttemptAt)}.`;
}
