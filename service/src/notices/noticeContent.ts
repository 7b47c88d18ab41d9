import { escapeHtml } from '../receipts/renderReceiptHtml';

/** What the billing administrator is told, each once (R4.2, R5.4, R7.3). */
export type NoticeFacts =
    // `period` as a person reads it: "December 2026" (core's formatCyclePeriod), not `2026-12`.
    | { kind: 'cycle_declined'; period: string; amount: string; reason: string; nextAttemptOn: string | null }
    | { kind: 'cycle_past_due'; period: string; amount: string; reason: string }
    | { kind: 'recharge_declined'; amount: string; reason: string }
    | { kind: 'card_expiring'; card: string; expires: string }
    | { kind: 'card_expired'; card: string };

export interface NoticeContent {
    subject: string;
    /** Paragraphs of plain text; the HTML body is the same paragraphs, escaped. */
    paragraphs: string[];
}

const FIX = 'Add or update a funding source in Billing Preferences (PowerDialer Billing in Salesforce).';

export function noticeContent(facts: NoticeFacts): NoticeContent {
    switch (facts.kind) {
        case 'cycle_declined':
            return {
                subject: `PowerDialer Billing: the ${facts.period} bill of ${facts.amount} could not be charged`,
                paragraphs: [
                    `We could not charge the ${facts.period} bill of ${facts.amount}: ${facts.reason}`,
                    facts.nextAttemptOn === null
                        ? 'We will try again as soon as a funding source is added or changed.'
                        : `We will try again on ${facts.nextAttemptOn}. You will not get an e-mail for each try.`,
                    FIX
                ]
            };
        case 'cycle_past_due':
            return {
                subject: `PowerDialer Billing: the ${facts.period} bill is past due`,
                paragraphs: [
                    `Every try to charge the ${facts.period} bill of ${facts.amount} failed (last: ${facts.reason}). The account is now past due.`,
                    'Nothing more is charged automatically. As soon as a funding source is added or changed, we charge the bill on it at once.',
                    FIX
                ]
            };
        case 'recharge_declined':
            return {
                subject: `PowerDialer Billing: the automatic minute recharge of ${facts.amount} was declined`,
                paragraphs: [
                    `The automatic recharge of ${facts.amount} of dialer minutes was declined: ${facts.reason}`,
                    'We wait before trying again; when the minutes run out, new calls are refused.',
                    FIX
                ]
            };
        case 'card_expiring':
            return {
                subject: `PowerDialer Billing: the primary card ${facts.card} expires on ${facts.expires}`,
                paragraphs: [
                    `The primary card ${facts.card} expires on ${facts.expires}. After that it cannot be charged for the monthly bill.`,
                    FIX
                ]
            };
        case 'card_expired':
            return {
                subject: `PowerDialer Billing: the card ${facts.card} has expired`,
                paragraphs: [
                    `The card ${facts.card} has expired and no longer counts as a valid funding source.`,
                    FIX
                ]
            };
    }
}

export function noticeText(content: NoticeContent): string {
    return `${content.paragraphs.join('\n\n')}\n`;
}

/** A self-contained page: no scripts, no external resources, every value escaped. */
export function noticeHtml(content: NoticeContent): string {
    const body = content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
    return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>\n<body style="font-family: sans-serif">\n${body}\n</body></html>\n`;
}
