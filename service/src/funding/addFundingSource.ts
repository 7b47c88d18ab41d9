import { reopenCollectionsForNewSource } from '../cycle/collectionRepository';
import type { Tx } from '../db/pool';
import { fetchedOutside } from '../db/withTransaction';
import { serviceError } from '../kernel/serviceError';
import type { BankAccountDetails, CardDetails, PaymentProcessor } from '../kernel/paymentProcessor';
import { findSourceByRole, insertFundingSource, type FundingSource } from './fundingSourceRepository';
import { validateBankAccount, validateCard } from './validation';

/**
 * R7.1/R7.2: validates the details, has the processor tokenize them, and keeps only the token,
 * brand, last four digits and expiry. The first source becomes primary, the second secondary.
 * `tx` comes from withTransaction: the processor is called outside it (fetchedOutside) and the work runs again.
 */
export async function addFundingSource(
    tx: Tx,
    processor: PaymentProcessor,
    input: { accountId: string; details: CardDetails | BankAccountDetails; now: Date }
): Promise<FundingSource> {
    const { details } = input;
    const problem = details.kind === 'card' ? validateCard(details, input.now) : validateBankAccount(details);
    if (problem !== undefined) throw serviceError(problem.code, problem.message);
    // The processor is asked with no connection or lock held (issue 9): a slow tokenizer never holds the account.
    const tokenized = await fetchedOutside(tx, 'tokenize', () => processor.tokenize(details));
    const role =
        (await findSourceByRole(tx, input.accountId, 'primary')) === undefined
            ? 'primary'
            : (await findSourceByRole(tx, input.accountId, 'secondary')) === undefined
              ? 'secondary'
              : null;
    const source = await insertFundingSource(
        tx,
        {
            billingAccountId: input.accountId,
            kind: tokenized.kind,
            processor: processor.name,
            token: tokenized.token,
            brand: tokenized.brand,
            last4: tokenized.last4,
            expMonth: tokenized.expMonth ?? null,
            expYear: tokenized.expYear ?? null,
            holderFirstName: details.holderFirstName.trim(),
            holderLastName: details.holderLastName.trim(),
            role
        },
        input.now
    );
    // R4.2: a new source retries an unpaid cycle at once (the route wakes the queue after commit).
    await reopenCollectionsForNewSource(tx, input.accountId, input.now);
    return source;
}
