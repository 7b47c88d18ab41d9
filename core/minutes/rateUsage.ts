import { z } from 'zod';
import { BillingError } from '../errors';
import { multiplyCents } from '../money/cents';
import type { Cents } from '../money/cents';
import { CALL_CENTS_PER_MINUTE } from './minuteRate';

/**
 * The one place call time is rounded: a call is billed per started minute (61 s → 2 minutes), as
 * telephone carriers bill; a call that never connected (0 s) costs nothing.
 */
export function billableCallMinutes(seconds: number): number {
    if (!Number.isSafeInteger(seconds) || seconds < 0) {
        throw new BillingError('invalid_input', 'A call lasts a whole, non-negative number of seconds.', {
            seconds
        });
    }
    return Math.ceil(seconds / 60);
}

export function rateCall(seconds: number): Cents {
    return multiplyCents(CALL_CENTS_PER_MINUTE, billableCallMinutes(seconds));
}

/** SMS are charged per message at the account's SMS rate (R5.1). */
export function rateSms(messages: number, smsRate: Cents): Cents {
    if (!Number.isSafeInteger(messages) || messages < 0) {
        throw new BillingError('invalid_input', 'A number of messages is a whole, non-negative number.', {
            messages
        });
    }
    return multiplyCents(smsRate, messages);
}

export const usageEventSchema = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('call'), seconds: z.number().int().min(0).max(86_400) }),
    z.object({ kind: z.literal('sms'), messages: z.number().int().min(1).max(10_000) })
]);
export type UsageEvent = z.infer<typeof usageEventSchema>;

export function rateUsage(event: UsageEvent, smsRate: Cents): Cents {
    switch (event.kind) {
        case 'call':
            return rateCall(event.seconds);
        case 'sms':
            return rateSms(event.messages, smsRate);
    }
}

export function minutesToCents(minutes: number): Cents {
    return multiplyCents(CALL_CENTS_PER_MINUTE, minutes);
}
