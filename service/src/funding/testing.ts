import type { Pool } from '../db/pool';
import { withTransaction } from '../db/withTransaction';
import type { CardDetails, PaymentProcessor } from '../kernel/paymentProcessor';
import { addFundingSource } from './addFundingSource';
import type { FundingSource } from './fundingSourceRepository';

/** A valid test card; override `number` with the documented decline numbers. */
export function testCard(overrides: Partial<CardDetails> = {}): CardDetails {
    return {
        kind: 'card',
        number: '4242424242424242',
        expMonth: 12,
        expYear: 2030,
        cvc: '123',
        holderFirstName: 'Ada',
        holderLastName: 'Lovelace',
        ...overrides
    };
}

/** Test factory: adds a card to the account through the real use case (tokenized by `processor`). */
export function addTestCard(
    pool: Pool,
    processor: PaymentProcessor,
    accountId: string,
    now: Date,
    overrides: Partial<CardDetails> = {}
): Promise<FundingSource> {
    return withTransaction(pool, (tx) =>
        addFundingSource(tx, processor, { accountId, details: testCard(overrides), now })
    );
}
