import { z } from 'zod';
import { rateUsage, usageEventSchema, type Cents } from '../../../core/index';
import type { RatedEvent } from './usageRepository';
import { salesforceIdSchema } from './schemas';

export type EventRefusalCode =
    'invalid_event' | 'negative_duration' | 'event_in_future' | 'event_too_old' | 'unknown_user';

export interface EventRefusal {
    index: number;
    id: string | null;
    code: EventRefusalCode;
    message: string;
}

const envelopeSchema = z.object({
    id: z.string().min(1).max(200),
    userId: salesforceIdSchema,
    occurredAt: z.iso.datetime({ offset: true }),
    kind: z.enum(['call', 'sms']),
    seconds: z.number().optional(),
    messages: z.number().optional()
});

/** A meter's clock may run a little ahead of ours. */
const FUTURE_SKEW_MS = 5 * 60 * 1000;

export interface UsageRules {
    now: Date;
    smsRateCents: Cents;
    /** Events older than this are refused (they belong to a closed period). */
    windowHours: number;
}

type Checked = { rated: RatedEvent } | { refused: Omit<EventRefusal, 'index'> } | 'duplicate';

/**
 * Checks each event on its own and rates the good ones (core's rateUsage): a bad event is refused
 * with its index, id and a reason, and the rest of the batch goes on. An id seen twice in one batch
 * counts once (the later copies are duplicates).
 */
export function validateUsageEvents(
    events: readonly unknown[],
    rules: UsageRules
): { rated: (RatedEvent & { index: number })[]; refused: EventRefusal[]; duplicates: number } {
    const rated: (RatedEvent & { index: number })[] = [];
    const refused: EventRefusal[] = [];
    const seen = new Set<string>();
    let duplicates = 0;
    events.forEach((raw, index) => {
        const checked = checkEvent(raw, rules, seen);
        if (checked === 'duplicate') duplicates++;
        else if ('rated' in checked) rated.push({ ...checked.rated, index });
        else refused.push({ index, ...checked.refused });
    });
    return { rated, refused, duplicates };
}

function checkEvent(raw: unknown, rules: UsageRules, seen: Set<string>): Checked {
    const refuse = (id: string | null, code: EventRefusalCode, message: string): Checked => ({
        refused: { id, code, message }
    });
    const envelope = envelopeSchema.safeParse(raw);
    if (!envelope.success) {
        const id = (raw as { id?: unknown } | null)?.id;
        return refuse(
            typeof id === 'string' ? id.slice(0, 200) : null,
            'invalid_event',
            'An event needs an id, an 18-character userId, an ISO occurredAt and a kind ("call" with seconds, "sms" with messages).'
        );
    }
    const event = envelope.data;
    if (seen.has(event.id)) return 'duplicate';
    seen.add(event.id);
    if (event.kind === 'call' && (event.seconds ?? 0) < 0)
        return refuse(event.id, 'negative_duration', 'A call cannot last a negative number of seconds.');
    const usage = usageEventSchema.safeParse(
        event.kind === 'call'
            ? { kind: 'call', seconds: event.seconds }
            : { kind: 'sms', messages: event.messages }
    );
    if (!usage.success)
        return refuse(
            event.id,
            'invalid_event',
            'A call needs whole seconds (at most a day); a text, a whole number of messages (1 to 10,000).'
        );
    const at = new Date(event.occurredAt);
    if (at.getTime() > rules.now.getTime() + FUTURE_SKEW_MS)
        return refuse(
            event.id,
            'event_in_future',
            "This event happens in the future; check the meter's clock."
        );
    if (at.getTime() < rules.now.getTime() - rules.windowHours * 3_600_000)
        return refuse(
            event.id,
            'event_too_old',
            `This event is older than ${rules.windowHours} hours; late usage is settled by a service representative.`
        );
    return {
        rated: {
            id: event.id,
            userId: event.userId,
            occurredAt: at,
            callSeconds: usage.data.kind === 'call' ? usage.data.seconds : 0,
            smsCount: usage.data.kind === 'sms' ? usage.data.messages : 0,
            ratedCents: rateUsage(usage.data, rules.smsRateCents)
        }
    };
}
