/**
 * Every call the panels make to the billing service goes through here. In Lightning the
 * Apex proxy forwards it (the service's `{code,message}` error comes back in `body.message`);
 * in the preview the same import is a fetch against the local service.
 */
import send from '@salesforce/apex/BillingServiceProxy.send';

export const API_PREFIX = '/api/v1';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

/** What the admin typed and accepted in the authorization footer (R9). */
export interface Authorization {
    firstName: string;
    lastName: string;
    termsVersion: string;
    accepted: true;
}

/** A service refusal: a stable code and a sentence for a person. */
export interface ServiceError {
    code: string;
    message: string;
}

export interface Me {
    userId: string;
    name: string;
    orgId: string;
    isAdmin: boolean;
}

export interface Terms {
    version: string;
    text: string;
}

export interface SummaryLicense {
    code: string;
    name: string;
    quantity: number;
    unitPriceCents: number;
    lineTotalCents: number;
}

export interface RecentPurchase {
    transactionId: string;
    number: string;
    kind: string;
    status: string;
    totalCents: number;
    at: string;
}

export type AccountStatus = 'active' | 'cancelling' | 'cancelled';

export interface SummaryAccount {
    id: string;
    name: string;
    status: AccountStatus;
    timeZone: string;
    licenses: SummaryLicense[];
    recurringTotalCents: number;
    recentPurchases: RecentPurchase[];
}

export interface Summary {
    orgId: string;
    accounts: SummaryAccount[];
    recurringTotalCents: number;
}

export type LicenseKind = 'per_user' | 'pooled' | 'feature' | 'count';

export interface License {
    code: string;
    name: string;
    kind: LicenseKind;
    purchased: number;
    /** Users holding it. */
    assigned: number;
    /** Live uses now (pooled licenses, R2.3). */
    inUse: number;
    unitPriceCents: number;
    lineTotalCents: number;
    /** Contract minimum while the term lasts (R3.2). */
    floor: number;
    /** Paid for but held by deactivated users (R2.7). */
    heldByInactiveUsers: number;
}

export interface ContractTerm {
    start: string;
    end: string;
}

export interface Licenses {
    accountId: string;
    contract: ContractTerm | null;
    licenses: License[];
    recurringTotalCents: number;
}

export interface AssignmentUser {
    id: string;
    name: string;
    email: string;
    active: boolean;
    licenses: string[];
}

export interface LicenseAvailability {
    code: string;
    name: string;
    kind: LicenseKind;
    purchased: number;
    assigned: number;
    /** Per-user licenses: purchased minus assigned; null for pooled ones. */
    available: number | null;
}

export interface Assignments {
    users: AssignmentUser[];
    available: LicenseAvailability[];
}

export interface AssignmentChange {
    userId: string;
    license: string;
    assigned: boolean;
}

export interface QuantityLine {
    license: string;
    name: string;
    currentQuantity: number;
    newQuantity: number;
    added: number;
    removed: number;
    unitPrice: number;
    prorationDays: number;
    daysInMonth: number;
    /** Cents charged today for this line (R3.4). */
    chargeNow: number;
    monthlyTotal: number;
}

export interface QuantityPlan {
    today: string;
    nextCycleDate: string;
    lines: QuantityLine[];
    /** Cents charged today. */
    chargeNow: number;
    previousMonthlyRecurringTotal: number;
    monthlyRecurringTotal: number;
    newQuantities: Record<string, number>;
}

export interface Refusal extends ServiceError {
    details?: Record<string, unknown>;
}

export interface QuantityPreview {
    plan: QuantityPlan | null;
    refusals: Refusal[];
}

export interface PurchaseSummary {
    transactionId: string;
    number: string;
    totalCents: number;
    fundingSourceId: string;
}

export interface QuantityChange {
    plan: QuantityPlan;
    purchase: PurchaseSummary | null;
}

export interface Service {
    code: string;
    name: string;
    description: string;
    /** R7.5: only implementation services are bought in the panel. */
    purchasableInPanel: boolean;
    priceCents: number | null;
}

export interface ServicePurchase {
    id: string;
    service: string;
    name: string;
    quantity: number;
    amountCents: number;
    at: string;
}

export interface Services {
    services: Service[];
    purchases: ServicePurchase[];
}

export interface Storage {
    measuredOn: string | null;
    users: number;
    allowanceBytes: number;
    usageBytes: number;
    overAllowance: boolean;
    billedGigabytes: number;
    /** Monthly storage fee in cents (R6.2). */
    fee: number;
    feeCoversUpToBytes: number | null;
    byKind: { records: number; filesAndRecordings: number; dataLists: number };
    waysToLower: string[];
}

export interface DirectoryUser {
    id: string;
    name: string;
    email: string;
    active: boolean;
    isAdmin: boolean;
    inactiveHoldingLicenses: boolean;
}

export interface Users {
    users: DirectoryUser[];
    inactiveHolders: number;
    licensesHeldByInactiveUsers: number;
}

export interface BillingAdministrator {
    userId: string | null;
    name: string | null;
    email: string | null;
    isAdmin: boolean;
    active: boolean;
}

export interface CancellationPlan {
    /** Last day of service: the end of the contract term (R4.3). */
    effectiveDate: string;
    remainingCycles: number;
    monthlyAtFloors: number;
    monthlyAtCurrentQuantities: number;
    /** Cents still owed under the contract. */
    remainingOwed: number;
    remainingIfUnchanged: number;
}

export interface Cancellation {
    status: AccountStatus;
    plan: CancellationPlan;
}

export interface FundingSource {
    id: string;
    kind: 'card' | 'bank_account';
    brand: string;
    last4: string;
    expMonth: number | null;
    expYear: number | null;
    holderFirstName: string;
    holderLastName: string;
    /** R7.4: primary pays the monthly bill; secondary is the backup. */
    role: 'primary' | 'secondary' | null;
    /** R7.3: an expired card is not a valid funding source. */
    expired: boolean;
    usedForMinuteRecharges: boolean;
}

export interface FundingSources {
    fundingSources: FundingSource[];
}

export interface CardInput {
    kind: 'card';
    number: string;
    expMonth: number;
    expYear: number;
    cvc: string;
    holderFirstName: string;
    holderLastName: string;
}

export interface BankAccountInput {
    kind: 'bank_account';
    routingNumber: string;
    accountNumber: string;
    accountType: 'checking' | 'savings';
    holderFirstName: string;
    holderLastName: string;
}

export interface Recharge {
    enabled: boolean;
    windowFirstDay: string;
    windowLastDay: string;
    usageCents: number;
    dailyAverageCents: number;
    /** R5.3: daily average × 14. */
    rechargeAmountCents: number;
    /** R5.3: daily average × 7. */
    thresholdCents: number;
}

export interface Minutes {
    balanceCents: number;
    minutes: number;
    recharge: Recharge;
    rechargeFundingSourceId: string | null;
}

export interface MinutesPurchase {
    transactionNumber: string;
    totalCents: number;
    balanceCents: number;
    minutes: number;
}

export interface UsageDay {
    date: string;
    callSeconds: number;
    smsCount: number;
    amountCents: number;
}

export interface MinutesUsage {
    days: UsageDay[];
}

/** The four headings of the transactions panel (R8.2). */
export type TransactionKind = 'licenses' | 'minutes' | 'services' | 'storage';

/** What a transaction was for; a monthly `cycle` charge counts as licenses and storage. */
export type PurchaseKind = TransactionKind | 'cycle';

export interface PaidWith {
    kind: 'card' | 'bank_account';
    brand: string;
    last4: string;
}

export interface Transaction {
    number: string;
    at: string;
    kind: PurchaseKind;
    status: 'succeeded' | 'failed';
    totalCents: number;
    fundingSource: PaidWith | null;
    declineMessage: string | null;
}

export interface Transactions {
    transactions: Transaction[];
    totals: Record<TransactionKind, number>;
}

export interface TransactionLine {
    lineNumber: number;
    productCode: string;
    description: string;
    quantity: number;
    unitPriceCents: number;
    prorationDays: { days: number; daysInMonth: number } | null;
    amountCents: number;
    kind: TransactionKind;
}

export interface TransactionDetail extends Transaction {
    id: string;
    account: { id: string; name: string; timeZone: string; companyName: string };
    lines: TransactionLine[];
}

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

export function get<T>(path: string): Promise<T> {
    return request<T>('GET', path);
}

export function post<T>(path: string, body: unknown, idempotencyKey: string): Promise<T> {
    return request<T>('POST', path, body, idempotencyKey);
}

export function put<T>(path: string, body: unknown, idempotencyKey: string): Promise<T> {
    return request<T>('PUT', path, body, idempotencyKey);
}

/** Apex puts the service's `{code,message}` JSON in `body.message`: parse it back. */
function withServiceError(error: unknown): unknown {
    const body = (error as { body?: { message?: unknown } } | null)?.body;
    if (!body || typeof body.message !== 'string') return error;
    try {
        const parsed = JSON.parse(body.message) as Partial<ServiceError>;
        if (typeof parsed.message === 'string') {
            return { ...(error as object), body: { code: parsed.code, message: parsed.message } };
        }
    } catch {
        // not JSON: the message is already a sentence
    }
    return error;
}

const account = (accountId: string) => `/accounts/${encodeURIComponent(accountId)}`;

export const getMe = () => get<Me>('/me');
export const getTerms = () => get<Terms>('/terms');
export const getSummary = () => get<Summary>('/summary');
export const getUsers = () => get<Users>('/users');

export const getLicenses = (accountId: string) => get<Licenses>(`${account(accountId)}/licenses`);
export const getAssignments = (accountId: string) => get<Assignments>(`${account(accountId)}/assignments`);
export const changeAssignments = (
    accountId: string,
    changes: AssignmentChange[],
    authorization: Authorization,
    key: string
) => post<Assignments>(`${account(accountId)}/assignments`, { changes, authorization }, key);
export const previewQuantities = (accountId: string, quantities: Record<string, number>, key: string) =>
    post<QuantityPreview>(`${account(accountId)}/quantities/preview`, { quantities }, key);
export const applyQuantities = (
    accountId: string,
    quantities: Record<string, number>,
    authorization: Authorization,
    key: string
) => post<QuantityChange>(`${account(accountId)}/quantities`, { quantities, authorization }, key);
export const getServices = (accountId: string) => get<Services>(`${account(accountId)}/services`);
export const purchaseService = (
    accountId: string,
    service: string,
    authorization: Authorization,
    key: string
) =>
    post<{ purchase: ServicePurchase; transaction: PurchaseSummary }>(
        `${account(accountId)}/services/purchases`,
        { service, quantity: 1, authorization },
        key
    );
export const getStorage = (accountId: string) => get<Storage>(`${account(accountId)}/storage`);

export const getBillingAdministrator = (accountId: string) =>
    get<BillingAdministrator>(`${account(accountId)}/billing-administrator`);
export const setBillingAdministrator = (
    accountId: string,
    userId: string,
    authorization: Authorization,
    key: string
) => put<BillingAdministrator>(`${account(accountId)}/billing-administrator`, { userId, authorization }, key);
export const previewCancellation = (accountId: string, key: string) =>
    post<Cancellation>(`${account(accountId)}/cancellation/preview`, {}, key);
export const cancelAccount = (accountId: string, authorization: Authorization, key: string) =>
    post<Cancellation>(`${account(accountId)}/cancellation`, { authorization }, key);

export const getFundingSources = (accountId: string) =>
    get<FundingSources>(`${account(accountId)}/funding-sources`);
export const addFundingSource = (
    accountId: string,
    source: CardInput | BankAccountInput,
    authorization: Authorization,
    key: string
) => post<FundingSource>(`${account(accountId)}/funding-sources`, { source, authorization }, key);
export const makePrimary = (
    accountId: string,
    fundingSourceId: string,
    authorization: Authorization,
    key: string
) =>
    post<FundingSources>(
        `${account(accountId)}/funding-sources/${encodeURIComponent(fundingSourceId)}/make-primary`,
        { authorization },
        key
    );
export const removeFundingSource = (
    accountId: string,
    fundingSourceId: string,
    authorization: Authorization,
    key: string
) =>
    post<FundingSources>(
        `${account(accountId)}/funding-sources/${encodeURIComponent(fundingSourceId)}/remove`,
        { authorization },
        key
    );
export const setRechargeSource = (
    accountId: string,
    fundingSourceId: string,
    authorization: Authorization,
    key: string
) => put<FundingSources>(`${account(accountId)}/recharge-source`, { fundingSourceId, authorization }, key);

export const getMinutes = (accountId: string) => get<Minutes>(`${account(accountId)}/minutes`);
export const getMinutesUsage = (accountId: string, days: number) =>
    get<MinutesUsage>(`${account(accountId)}/minutes/usage?days=${days}`);
export const purchaseMinutes = (
    accountId: string,
    amountCents: number,
    authorization: Authorization,
    key: string
) => post<MinutesPurchase>(`${account(accountId)}/minutes/purchases`, { amountCents, authorization }, key);
export const getRecharge = (accountId: string) => get<Recharge>(`${account(accountId)}/minutes/recharge`);
export const setRecharge = (accountId: string, enabled: boolean, authorization: Authorization, key: string) =>
    put<Recharge>(`${account(accountId)}/minutes/recharge`, { enabled, authorization }, key);

export const getTransactions = (accountId: string, filter: { from: string; to: string; kind: string }) => {
    const query = new URLSearchParams({ from: filter.from, to: filter.to });
    if (filter.kind) query.set('kind', filter.kind);
    return get<Transactions>(`${account(accountId)}/transactions?${query.toString()}`);
};
export const getTransaction = (accountId: string, number: string) =>
    get<TransactionDetail>(`${account(accountId)}/transactions/${encodeURIComponent(number)}`);
export const emailReceipt = (
    accountId: string,
    number: string,
    to: string,
    authorization: Authorization,
    key: string
) =>
    post<{ sent: true; sentTo: string; sentAt: string }>(
        `${account(accountId)}/transactions/${encodeURIComponent(number)}/email`,
        { to, authorization },
        key
    );
