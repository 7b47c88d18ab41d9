/**
 * Every call the panels make to the billing service goes through here. In Lightning the
 * Apex proxy forwards it (the service's `{code,message}` error comes back in `body.message`);
 * in the preview the same import is a fetch against the local service.
 */
import send from '@salesforce/apex/BillingServiceProxy.send';
import type { Answer, PathParams, RequestBody, Route } from './serviceRoutes';

export type { Answer, RequestBody, Route };

export type { ErrorCode } from './serviceTypes.generated';

export const API_PREFIX = '/api/v1';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

/** What the admin typed and accepted in the authorization footer (R9). */
export type Authorization = RequestBody<'/accounts/{accountId}/cancellation', 'post'>['authorization'];

/** A service refusal: a stable code and a sentence for a person. */
export type ServiceError = Pick<Refusal, 'code' | 'message'>;

export type Me = Answer<'/me'>;
export type Terms = Answer<'/terms'>;

export type Summary = Answer<'/summary'>;
export type SummaryAccount = Summary['accounts'][number];
export type SummaryLicense = SummaryAccount['licenses'][number];
export type RecentPurchase = SummaryAccount['recentPurchases'][number];
export type AccountStatus = SummaryAccount['status'];

export type Licenses = Answer<'/accounts/{accountId}/licenses'>;
export type License = Licenses['licenses'][number];
export type LicenseKind = License['kind'];
export type ContractTerm = NonNullable<Licenses['contract']>;

export type Assignments = Answer<'/accounts/{accountId}/assignments'>;
export type AssignmentUser = Assignments['users'][number];
export type LicenseAvailability = Assignments['available'][number];
export type AssignmentChange = RequestBody<'/accounts/{accountId}/assignments', 'post'>['changes'][number];

export type QuantityPreview = Answer<'/accounts/{accountId}/quantities/preview', 'post'>;
export type QuantityPlan = NonNullable<QuantityPreview['plan']>;
export type QuantityLine = QuantityPlan['lines'][number];
export type Refusal = QuantityPreview['refusals'][number];
export type QuantityChange = Answer<'/accounts/{accountId}/quantities', 'post'>;
export type PurchaseSummary = NonNullable<QuantityChange['purchase']>;

export type Services = Answer<'/accounts/{accountId}/services'>;
export type Service = Services['services'][number];
export type ServicePurchase = Services['purchases'][number];
export type Storage = Answer<'/accounts/{accountId}/storage'>;

export type Users = Answer<'/users'>;
export type DirectoryUser = Users['users'][number];
export type BillingAdministrator = Answer<'/accounts/{accountId}/billing-administrator'>;
export type Cancellation = Answer<'/accounts/{accountId}/cancellation', 'post'>;
export type CancellationPlan = Cancellation['plan'];

export type FundingSources = Answer<'/accounts/{accountId}/funding-sources'>;
export type FundingSource = FundingSources['fundingSources'][number];
type SourceInput = RequestBody<'/accounts/{accountId}/funding-sources', 'post'>['source'];
export type CardInput = Extract<SourceInput, { kind: 'card' }>;
export type BankAccountInput = Extract<SourceInput, { kind: 'bank_account' }>;

export type Minutes = Answer<'/accounts/{accountId}/minutes'>;
export type Recharge = Answer<'/accounts/{accountId}/minutes/recharge'>;
export type MinutesPurchase = Answer<'/accounts/{accountId}/minutes/purchases', 'post'>;
export type MinutesUsage = Answer<'/accounts/{accountId}/minutes/usage'>;
export type UsageDay = MinutesUsage['days'][number];

export type Transactions = Answer<'/accounts/{accountId}/transactions'>;
export type Transaction = Transactions['transactions'][number];
/** The four headings of the transactions panel (R8.2). */
export type TransactionKind = keyof Transactions['totals'];
/** What a transaction was for; a monthly `cycle` charge counts as licenses and storage. */
export type PurchaseKind = Transaction['kind'];
export type PaidWith = NonNullable<Transaction['fundingSource']>;
export type TransactionDetail = Answer<'/accounts/{accountId}/transactions/{number}'>;
export type TransactionLine = TransactionDetail['lines'][number];

/** A fresh key for one user action; the caller keeps it to retry that same action. */
export function newIdempotencyKey(): string {
    return crypto.randomUUID();
}

/** One request through the proxy; a failure is rethrown as `{ body: { code, message } }`. */
export async function request<T>(
    method: HttpMethod,
    path: string,
    body?: unknown,
    idempotencyKey?: string
): Promise<T> {
    let text: string;
    try {
        text = await send({
            method,
            path: API_PREFIX + path,
            body: body === undefined ? null : JSON.stringify(body),
            idempotencyKey: idempotencyKey ?? null
        });
    } catch (error) {
        throw withServiceError(error);
    }
    return (text ? JSON.parse(text) : null) as T;
}

/** `route` with its `{name}` parameters filled in (encoded) and an optional query string. */
function pathOf(route: string, params: Record<string, string>, query?: URLSearchParams): string {
    const filled = route.replace(/\{(\w+)\}/g, (_whole, name: string) =>
        encodeURIComponent(params[name] ?? '')
    );
    const search = query?.toString();
    return search ? `${filled}?${search}` : filled;
}

function read<R extends Route>(
    route: R,
    params: PathParams<R, 'get'>,
    query?: URLSearchParams
): Promise<Answer<R>> {
    return request<Answer<R>>('GET', pathOf(route, params as Record<string, string>, query));
}

/** A change: its body is checked against the service's schema for that route at compile time. */
function change<R extends Route, M extends 'post' | 'put'>(
    method: M,
    route: R,
    params: PathParams<R, M>,
    body: RequestBody<R, M>,
    idempotencyKey: string
): Promise<Answer<R, M>> {
    const httpMethod = method === 'post' ? 'POST' : 'PUT';
    return request<Answer<R, M>>(
        httpMethod,
        pathOf(route, params as Record<string, string>),
        body,
        idempotencyKey
    );
}

/** Apex puts the service's `{code,message}` JSON in `body.message`: parse it back. */
function withServiceError(error: unknown): unknown {
    const body = (error as { body?: { message?: unknown } } | null)?.body;
    if (!body || typeof body.message !== 'string') return error;
    try {
        const parsed = JSON.parse(body.message) as Partial<ServiceError> & { details?: unknown };
        if (typeof parsed.message === 'string') {
            const { code, message, details } = parsed;
            return {
                ...(error as object),
                body: details === undefined ? { code, message } : { code, message, details }
            };
        }
    } catch {
        // not JSON: the message is already a sentence
    }
    return error;
}

export const getMe = () => read('/me', {});
export const getTerms = () => read('/terms', {});
export const getSummary = () => read('/summary', {});
export const getUsers = () => read('/users', {});

export const getLicenses = (accountId: string) => read('/accounts/{accountId}/licenses', { accountId });
export const getAssignments = (accountId: string) => read('/accounts/{accountId}/assignments', { accountId });
export const changeAssignments = (
    accountId: string,
    changes: AssignmentChange[],
    authorization: Authorization,
    key: string
) => change('post', '/accounts/{accountId}/assignments', { accountId }, { changes, authorization }, key);
export const previewQuantities = (accountId: string, quantities: Record<string, number>, key: string) =>
    change('post', '/accounts/{accountId}/quantities/preview', { accountId }, { quantities }, key);
/** What the preview showed and the admin authorised; the service charges only that (else quote_changed). */
export type QuantityQuote = RequestBody<'/accounts/{accountId}/quantities', 'post'>['quote'];
export const applyQuantities = (
    accountId: string,
    quantities: Record<string, number>,
    quote: QuantityQuote,
    authorization: Authorization,
    key: string
) =>
    change(
        'post',
        '/accounts/{accountId}/quantities',
        { accountId },
        { quantities, quote, authorization },
        key
    );
export const getServices = (accountId: string) => read('/accounts/{accountId}/services', { accountId });
export const purchaseService = (
    accountId: string,
    service: RequestBody<'/accounts/{accountId}/services/purchases', 'post'>['service'],
    authorization: Authorization,
    key: string
) =>
    change(
        'post',
        '/accounts/{accountId}/services/purchases',
        { accountId },
        { service, quantity: 1, authorization },
        key
    );
export const getStorage = (accountId: string) => read('/accounts/{accountId}/storage', { accountId });

export const getBillingAdministrator = (accountId: string) =>
    read('/accounts/{accountId}/billing-administrator', { accountId });
export const setBillingAdministrator = (
    accountId: string,
    userId: string,
    authorization: Authorization,
    key: string
) =>
    change(
        'put',
        '/accounts/{accountId}/billing-administrator',
        { accountId },
        { userId, authorization },
        key
    );
export const previewCancellation = (accountId: string, key: string) =>
    change('post', '/accounts/{accountId}/cancellation/preview', { accountId }, {}, key);
export const cancelAccount = (accountId: string, authorization: Authorization, key: string) =>
    change('post', '/accounts/{accountId}/cancellation', { accountId }, { authorization }, key);

export const getFundingSources = (accountId: string) =>
    read('/accounts/{accountId}/funding-sources', { accountId });
export const addFundingSource = (
    accountId: string,
    source: CardInput | BankAccountInput,
    authorization: Authorization,
    key: string
) => change('post', '/accounts/{accountId}/funding-sources', { accountId }, { source, authorization }, key);
export const makePrimary = (
    accountId: string,
    fundingSourceId: string,
    authorization: Authorization,
    key: string
) =>
    change(
        'post',
        '/accounts/{accountId}/funding-sources/{fundingSourceId}/make-primary',
        { accountId, fundingSourceId },
        { authorization },
        key
    );
export const removeFundingSource = (
    accountId: string,
    fundingSourceId: string,
    authorization: Authorization,
    key: string
) =>
    change(
        'post',
        '/accounts/{accountId}/funding-sources/{fundingSourceId}/remove',
        { accountId, fundingSourceId },
        { authorization },
        key
    );
export const setRechargeSource = (
    accountId: string,
    fundingSourceId: string,
    authorization: Authorization,
    key: string
) =>
    change(
        'put',
        '/accounts/{accountId}/recharge-source',
        { accountId },
        { fundingSourceId, authorization },
        key
    );

export const getMinutes = (accountId: string) => read('/accounts/{accountId}/minutes', { accountId });
export const getMinutesUsage = (accountId: string, days: number) =>
    read('/accounts/{accountId}/minutes/usage', { accountId }, new URLSearchParams({ days: String(days) }));
export const purchaseMinutes = (
    accountId: string,
    amountCents: number,
    authorization: Authorization,
    key: string
) =>
    change(
        'post',
        '/accounts/{accountId}/minutes/purchases',
        { accountId },
        { amountCents, authorization },
        key
    );
export const setRecharge = (accountId: string, enabled: boolean, authorization: Authorization, key: string) =>
    change('put', '/accounts/{accountId}/minutes/recharge', { accountId }, { enabled, authorization }, key);

/** One page of transactions (R8.2); `cursor` is the previous page's nextCursor. */
export const getTransactions = (
    accountId: string,
    filter: { from?: string; to?: string; kind: TransactionKind | ''; cursor?: string; limit?: number }
) => {
    // Without from/to the service applies its default range, and answers which days it used.
    const query = new URLSearchParams();
    if (filter.from) query.set('from', filter.from);
    if (filter.to) query.set('to', filter.to);
    if (filter.kind) query.set('kind', filter.kind);
    if (filter.cursor) query.set('cursor', filter.cursor);
    if (filter.limit) query.set('limit', String(filter.limit));
    return read('/accounts/{accountId}/transactions', { accountId }, query);
};
export const getTransaction = (accountId: string, number: string) =>
    read('/accounts/{accountId}/transactions/{number}', { accountId, number });
export const emailReceipt = (
    accountId: string,
    number: string,
    to: string,
    authorization: Authorization,
    key: string
) =>
    change(
        'post',
        '/accounts/{accountId}/transactions/{number}/email',
        { accountId, number },
        { to, authorization },
        key
    );
