import { randomBytes } from 'node:crypto';
import type { Pool } from '../db/pool';
import { digitsOnly } from '../funding/validation';
import {
    findLocalCharge,
    findLocalSource,
    recordLocalCharge,
    saveLocalSource
} from './localProcessorRepository';
import { sidePoolFor } from './sidePool';
import type { ChargeResult, PaymentProcessor, TokenizedSource } from '../kernel/paymentProcessor';
import { refundLocalCharge } from './localRefundRepository';
import { cardBrand, TEST_BANK_ACCOUNT_OUTCOMES, TEST_CARD_OUTCOMES, type TestOutcome } from './testCards';

/**
 * The default processor: a card network's test mode, run locally.
 *
 * Its state (tokens and charges) lives in PostgreSQL, not memory, because it stands in for an
 * external network: a token saved on an account must still charge after the service restarts,
 * and a charge retried with the same key on another server must still be taken only once.
 * It keeps the token, brand, last four digits and the test outcome; never the number.
 */
export function createLocalProcessor(
    appPool: Pool,
    options: {
        /**
         * Fault injection for tests and drills: the charge is taken, then its answer takes this long
         * (like a network that loses or delays the processor's reply).
         */
        answerDelayMs?: number;
    } = {}
): PaymentProcessor {
    const pool = sidePoolFor(appPool);
    return {
        name: 'local',
        async tokenize(details) {
            const token = `tok_${randomBytes(12).toString('hex')}`;
            const source = describeSource(details, token);
            await saveLocalSource(pool, source.tokenized, source.outcome);
            return source.tokenized;
        },
        async charge({ token, amountCents, description, idempotencyKey }) {
            const source = await findLocalSource(pool, token);
            const result: ChargeResult =
                source === undefined
                    ? {
                          status: 'declined',
                          declineCode: 'invalid_token',
                          message: 'This payment method is unknown.'
                      }
                    : source.decline_code === null
                      ? { status: 'succeeded', processorReference: `ch_${randomBytes(12).toString('hex')}` }
                      : {
                            status: 'declined',
                            declineCode: source.decline_code,
                            message: source.decline_message ?? ''
                        };
            // Same key, same answer: the first charge recorded under a key wins, even when two race.
            const first = await recordLocalCharge(pool, {
                idempotencyKey,
                token,
                amountCents,
                description,
                result
            });
            if (first === undefined) throw new Error('local processor lost a charge it just wrote');
            if (first.token !== token || Number(first.amount_cents) !== amountCents) {
                throw new Error(`idempotency key ${idempotencyKey} was already used for a different charge`);
            }
            if (options.answerDelayMs !== undefined) await sleep(options.answerDelayMs);
            return first.result;
        },
        refund: (request) => refundLocalCharge(pool, request),
        findCharge: (idempotencyKey) => findLocalCharge(pool, idempotencyKey)
    };
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

function describeSource(
    details: Parameters<PaymentProcessor['tokenize']>[0],
    token: string
): { tokenized: TokenizedSource; outcome: TestOutcome | undefined } {
    if (details.kind === 'card') {
        const number = digitsOnly(details.number);
        return {
            tokenized: {
                token,
                kind: 'card',
                brand: cardBrand(number),
                last4: number.slice(-4),
                expMonth: details.expMonth,
                expYear: details.expYear
            },
            outcome: TEST_CARD_OUTCOMES[number]
        };
    }
    const accountNumber = digitsOnly(details.accountNumber);
    return {
        tokenized: { token, kind: 'bank_account', brand: 'Test Bank', last4: accountNumber.slice(-4) },
        outcome: TEST_BANK_ACCOUNT_OUTCOMES[accountNumber]
    };
}
