/* Prints the billing summary of a demo account, computed entirely by core/. Run: npx tsx scripts/demoBill.ts [--now=ISO] */
import {
    BYTES_PER_MEGABYTE,
    LICENSE_CATALOG,
    centsToMinutes,
    computeCycleCharge,
    computeRechargePlan,
    formatUsd,
    monthlyRecurring,
    planCancellation,
    planFlexPorts,
    planQuantityChange,
    storageReport,
    unwrap
} from '../core';
import type { Contract, LicensePrices, LicenseQuantities, StorageUsage } from '../core';

const DEMO = {
    name: 'Acme Outbound (demo)',
    timeZone: 'America/New_York',
    users: 12,
    quantities: {
        CRM: 12,
        DIALER_TAB: 8,
        DIALER: 8,
        FLEX_PORT: 4,
        INBOUND: 3,
        ELF: 5,
        RECORDING: 1,
        TOLL_FREE: 2
    } as LicenseQuantities,
    prices: Object.fromEntries(
        Object.values(LICENSE_CATALOG).map((license) => [license.code, license.listPrice])
    ) as LicensePrices,
    contract: { start: '2026-07-01', end: '2027-06-30', floors: { CRM: 10, DIALER: 6 } } as Contract,
    storage: {
        records: 380 * BYTES_PER_MEGABYTE,
        filesAndRecordings: 420 * BYTES_PER_MEGABYTE,
        dataLists: 90 * BYTES_PER_MEGABYTE
    } as StorageUsage,
    minutesBalance: 4215,
    usageLast30Days: 12857
};

const row = (label: string, value: string): string => `  ${label.padEnd(44)}${value.padStart(14)}`;
const megabytes = (bytes: number): string =>
    `${Math.round(bytes / BYTES_PER_MEGABYTE).toLocaleString('en-US')} MB`;

export function demoBill(now: Date): string {
    const out: string[] = [
        `PowerDialer Billing — ${DEMO.name}, ${now.toISOString()} (${DEMO.timeZone})`,
        '',
        'Licenses'
    ];
    const recurring = monthlyRecurring(DEMO.quantities, DEMO.prices);
    out.push(
        ...recurring.lines.map((line) =>
            row(`${line.name} × ${line.quantity} @ ${formatUsd(line.unitPrice)}`, formatUsd(line.amount))
        )
    );
    out.push(row('Monthly recurring total', formatUsd(recurring.total)), '');

    const plan = unwrap(
        planQuantityChange({
            now,
            timeZone: DEMO.timeZone,
            prices: DEMO.prices,
            current: DEMO.quantities,
            requested: { CRM: 15, DIALER: 9 },
            contract: DEMO.contract,
            holders: { CRM: 12 }
        })
    );
    out.push(`Proration example: add 3 CRM and 1 Dialer on ${plan.today}`);
    for (const line of plan.lines) {
        out.push(
            row(
                `${line.name} +${line.added}, ${line.prorationDays}/${line.daysInMonth} days`,
                formatUsd(line.chargeNow)
            )
        );
    }
    out.push(
        row('Charged now', formatUsd(plan.chargeNow)),
        row(`New monthly total from ${plan.nextCycleDate}`, formatUsd(plan.monthlyRecurringTotal)),
        ''
    );

    const storage = storageReport(DEMO.users, DEMO.storage);
    out.push(
        'Storage',
        row('Used', megabytes(storage.usageBytes)),
        row(`Allowance for ${DEMO.users} users`, megabytes(storage.allowanceBytes)),
        row(`Fee (${storage.billedGigabytes} started GB)`, formatUsd(storage.fee)),
        ''
    );

    const recharge = computeRechargePlan(DEMO.usageLast30Days);
    out.push(
        'Dialer minutes',
        row(
            'Balance',
            `${formatUsd(DEMO.minutesBalance)} (${centsToMinutes(DEMO.minutesBalance).toLocaleString('en-US')} min)`
        ),
        row('Usage, last 30 days', formatUsd(DEMO.usageLast30Days)),
        row('Automatic recharge amount (14 days)', formatUsd(recharge.rechargeAmount)),
        row('Recharge threshold (7 days)', formatUsd(recharge.threshold)),
        ''
    );

    const cycle = computeCycleCharge({
        now,
        timeZone: DEMO.timeZone,
        quantities: DEMO.quantities,
        prices: DEMO.prices,
        lastMonthStorage: { users: DEMO.users, usage: DEMO.storage }
    });
    out.push(
        `Cycle charge for ${cycle.period} (storage of ${cycle.storagePeriod})`,
        row('Total', formatUsd(cycle.total)),
        ''
    );

    const ports = planFlexPorts({
        agents: 5,
        hoursPerDay: 6,
        voicemailShare: 0.4,
        inboundShare: 0.25,
        recordedShare: 0
    });
    out.push(
        'Flex ports (Company X: 5 agents, 40% voicemail, 25% inbound)',
        row('Bare minimum / recommended', `${ports.minimum} / ${ports.recommended}`),
        row('Blocking at recommended (Erlang B)', `${(ports.blockingAtRecommended * 100).toFixed(1)}%`),
        ''
    );

    const cancellation = planCancellation({
        now,
        timeZone: DEMO.timeZone,
        contract: DEMO.contract,
        quantities: DEMO.quantities,
        prices: DEMO.prices
    });
    out.push(
        'If cancelled today',
        row('Effective on', cancellation.effectiveDate),
        row(`Owed at floors (${cancellation.remainingCycles} cycles)`, formatUsd(cancellation.remainingOwed))
    );
    return out.join('\n');
}

if (process.argv[1]?.endsWith('demoBill.ts')) {
    const nowArgument = process.argv.find((argument) => argument.startsWith('--now='));
    console.log(
        demoBill(nowArgument === undefined ? new Date() : new Date(nowArgument.slice('--now='.length)))
    );
}
