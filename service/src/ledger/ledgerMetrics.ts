import { Counter, register } from 'prom-client';

const COUNTER_NAME = 'billing_ledger_transfers_total';

/** Transfers written, by kind and phase (counted when written; a rolled-back write may be counted). */
const transfers =
    (register.getSingleMetric(COUNTER_NAME) as Counter<'kind' | 'phase'> | undefined) ??
    new Counter({
        name: COUNTER_NAME,
        help: 'Ledger transfers written',
        labelNames: ['kind', 'phase'] as const
    });

export function countLedgerTransfer(kind: string, phase: string): void {
    transfers.inc({ kind, phase });
}
