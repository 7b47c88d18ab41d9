/**
 * The ledger accounts each billing account has. Assets (money owed to us, money at the
 * processor) carry debit balances; the prepaid minutes we owe the customer and revenue carry
 * credit balances.
 */
export const LEDGER_ACCOUNTS = {
    receivable: 'debit',
    processor_clearing: 'debit',
    minutes_prepaid: 'credit',
    revenue_licenses: 'credit',
    revenue_minutes: 'credit',
    revenue_storage: 'credit',
    revenue_services: 'credit',
    // Contra-revenue: refunds and goodwill credits given back (R11.1), a debit balance.
    credits_and_refunds: 'debit'
} as const satisfies Record<string, 'debit' | 'credit'>;

export type LedgerAccountCode = keyof typeof LEDGER_ACCOUNTS;

export const LEDGER_ACCOUNT_CODES = Object.keys(LEDGER_ACCOUNTS) as LedgerAccountCode[];
