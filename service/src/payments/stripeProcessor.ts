import Stripe from 'stripe';
import { digitsOnly } from '../funding/validation';
import type { ChargeResult, PaymentProcessor } from '../kernel/paymentProcessor';

export interface StripeProcessorConfig {
    secretKey: string;
    /** For tests against a local server, e.g. `http://127.0.0.1:12111`. Default: Stripe's API. */
    apiBase?: string;
    /** Each HTTP call to Stripe gives up after this long (the SDK's `timeout`). */
    timeoutMs?: number;
}

/**
 * Stripe: numbers become PaymentMethods (card or us_bank_account, never stored by us), each
 * attached to a Customer of its own so that it can be charged again month after month (an
 * unattached PaymentMethod can be used only once). Our token is `cus_…/pm_…`. Each charge is an
 * off-session PaymentIntent confirmed at once, sent with our idempotency key so that a retry is
 * answered by Stripe with the first result instead of a second charge.
 */
export function createStripeProcessor(config: StripeProcessorConfig): PaymentProcessor {
    const stripe = new Stripe(config.secretKey, {
        ...apiLocation(config.apiBase),
        maxNetworkRetries: 2,
        timeout: config.timeoutMs ?? DEFAULT_TIMEOUT_MS
    });
    return {
        name: 'stripe',
        async tokenize(details) {
            const name = `${details.holderFirstName} ${details.holderLastName}`;
            const method = await createPaymentMethod(stripe, details, name);
            const customer = await stripe.customers.create({ name, payment_method: method.id });
            const token = `${customer.id}${TOKEN_SEPARATOR}${method.id}`;
            if (details.kind === 'card') {
                return {
                    token,
                    kind: 'card',
                    brand: method.card?.brand ?? 'card',
                    last4: method.card?.last4 ?? '',
                    expMonth: method.card?.exp_month ?? details.expMonth,
                    expYear: method.card?.exp_year ?? details.expYear
                };
            }
            return {
                token,
                kind: 'bank_account',
                brand: method.us_bank_account?.bank_name ?? 'bank account',
                last4: method.us_bank_account?.last4 ?? ''
            };
        },
        async charge({ token, amountCents, description, idempotencyKey }) {
            const [customer, paymentMethod] = token.split(TOKEN_SEPARATOR);
            if (customer === undefined || paymentMethod === undefined) {
                return {
                    status: 'declined',
                    declineCode: 'invalid_token',
                    message: 'This payment method is unknown.'
                };
            }
            try {
                const intent = await stripe.paymentIntents.create(
                    {
                        amount: amountCents,
                        currency: 'usd',
                        customer,
                        payment_method: paymentMethod,
                        off_session: true,
                        confirm: true,
                        description,
                        metadata: { [KEY_METADATA]: idempotencyKey }
                    },
                    { idempotencyKey }
                );
                return intentResult(intent);
            } catch (error) {
                if (error instanceof Stripe.errors.StripeCardError) {
                    // The SDK gives '' as decline_code when Stripe sends none (e.g. expired_card).
                    return {
                        status: 'declined',
                        declineCode: firstNonEmpty(error.decline_code, error.code, 'card_declined'),
                        message: error.message
                    };
                }
                throw error;
            }
        },
        async refund({ processorReference, amountCents, idempotencyKey }) {
            try {
                const refund = await stripe.refunds.create(
                    { payment_intent: processorReference, amount: amountCents },
                    { idempotencyKey }
                );
                if (refund.status === 'failed' || refund.status === 'canceled') {
                    return {
                        status: 'failed',
                        code: firstNonEmpty(refund.failure_reason, refund.status),
                        message: `Stripe did not refund the payment (${refund.status}).`
                    };
                }
                return { status: 'succeeded', refundReference: refund.id };
            } catch (error) {
                if (error instanceof Stripe.errors.StripeInvalidRequestError) {
                    return {
                        status: 'failed',
                        code: firstNonEmpty(error.code, 'refund_refused'),
                        message: error.message
                    };
                }
                throw error;
            }
        },
        async findCharge(idempotencyKey) {
            // Search by the key we stamped on the PaymentIntent; the key itself cannot be queried.
            const found = await stripe.paymentIntents.search({
                query: `metadata['${KEY_METADATA}']:'${idempotencyKey.replaceAll("'", "\\'")}'`,
                limit: 1
            });
            const intent = found.data[0];
            return intent === undefined ? undefined : intentResult(intent);
        }
    };
}

const TOKEN_SEPARATOR = '/';
const KEY_METADATA = 'billing_idempotency_key';
const DEFAULT_TIMEOUT_MS = 10_000;

function createPaymentMethod(
    stripe: Stripe,
    details: Parameters<PaymentProcessor['tokenize']>[0],
    name: string
): Promise<Stripe.PaymentMethod> {
    if (details.kind === 'card') {
        return stripe.paymentMethods.create({
            type: 'card',
            card: {
                number: digitsOnly(details.number),
                exp_month: details.expMonth,
                exp_year: details.expYear,
                cvc: details.cvc
            },
            billing_details: { name }
        });
    }
    return stripe.paymentMethods.create({
        type: 'us_bank_account',
        us_bank_account: {
            routing_number: details.routingNumber,
            account_number: digitsOnly(details.accountNumber),
            account_holder_type: 'company',
            account_type: details.accountType
        },
        billing_details: { name }
    });
}

function intentResult(intent: Stripe.PaymentIntent): ChargeResult {
    // ACH debits settle later: Stripe reports them as `processing`, which is an accepted payment.
    if (intent.status === 'succeeded' || intent.status === 'processing') {
        return { status: 'succeeded', processorReference: intent.id };
    }
    const failure = intent.last_payment_error;
    return {
        status: 'declined',
        processorReference: intent.id,
        declineCode: firstNonEmpty(failure?.decline_code, failure?.code, intent.status),
        message: failure?.message ?? `The payment was not completed (${intent.status}).`
    };
}

function apiLocation(apiBase: string | undefined): {
    host?: string;
    port?: number;
    protocol?: 'http' | 'https';
} {
    if (apiBase === undefined) return {};
    const url = new URL(apiBase);
    const protocol = url.protocol === 'http:' ? 'http' : 'https';
    return { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
}

function firstNonEmpty(...values: (string | null | undefined)[]): string {
    return values.find((value) => value !== undefined && value !== null && value !== '') ?? '';
}
