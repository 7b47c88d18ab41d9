import { api } from 'lwc';
import BillingPanelBase from 'c/billingPanelBase';
import {
    getMinutes,
    getMinutesUsage,
    purchaseMinutes,
    setRecharge,
    type Minutes,
    type UsageDay
} from 'c/billingApi';
import { settle } from 'c/billingErrors';
import { formatCents, formatDate, formatNumber, parseDollarsToCents } from 'c/billingFormat';
import { planManualPurchase } from 'c/billingRules';
import { clearFieldProblem, showFieldProblems } from 'c/fieldProblems';

const USAGE_DAYS = 30;
const CHART_WIDTH = 600;
const CHART_HEIGHT = 120;
const BAR_GAP = 2;
const SECONDS_PER_MINUTE = 60;

export default class DialerMinutesPanel extends BillingPanelBase {
    /** Shown in the card header; defaults to "Dialer Minutes". */
    @api title = 'Dialer Minutes';

    minutes: Minutes | undefined;
    error: unknown;
    usage: UsageDay[] = [];
    usageError: unknown;
    amountText = '100.00';
    /** The summary of the recharge change waiting for Accept: the switch does not move before it. */
    rechargeSummary = '';

    chartHeight = CHART_HEIGHT;
    /** The bars are laid out in CHART_WIDTH × CHART_HEIGHT units and stretched to the card's width. */
    chartViewBox = `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`;

    async load(): Promise<void> {
        if (!this.accountId) return;
        const current = this.currentLoad();
        const [minutes, usage] = await Promise.all([
            settle(getMinutes(this.accountId)),
            settle(getMinutesUsage(this.accountId, USAGE_DAYS))
        ]);
        if (!current()) return;
        ({ data: this.minutes, error: this.error } = minutes);
        this.usage = usage.data?.days ?? [];
        this.usageError = usage.error;
    }

    /** The balance and recharge only once answered (no "$0.00" while loading). */
    get showMinutes(): boolean {
        return this.ready && this.minutes !== undefined;
    }

    /** The chart only once the usage answered (no "$0.00 in total" while loading or after a failure). */
    get showUsage(): boolean {
        return this.ready && this.usageError === undefined;
    }

    get balance(): string {
        return formatCents(this.minutes?.balanceCents ?? 0);
    }

    get balanceMinutes(): string {
        return formatNumber(this.minutes?.minutes ?? 0);
    }

    get rechargeEnabled(): boolean {
        return this.minutes?.recharge.enabled ?? false;
    }

    get rechargeAmount(): string {
        return formatCents(this.minutes?.recharge.rechargeAmountCents ?? 0);
    }

    get rechargeThreshold(): string {
        return formatCents(this.minutes?.recharge.thresholdCents ?? 0);
    }

    get chartBars() {
        const days = this.usage;
        const peak = Math.max(1, ...days.map((day) => day.amountCents));
        const slot = CHART_WIDTH / Math.max(1, days.length);
        return days.map((day, index) => {
            const height = Math.round((day.amountCents / peak) * (CHART_HEIGHT - 10));
            return {
                key: day.date,
                x: Math.round(index * slot),
                y: CHART_HEIGHT - height,
                width: Math.max(1, Math.round(slot - BAR_GAP)),
                height,
                title: `${formatDate(day.date)}: ${formatCents(day.amountCents)} (${formatNumber(Math.round(day.callSeconds / SECONDS_PER_MINUTE))} call minutes, ${formatNumber(day.smsCount)} texts)`
            };
        });
    }

    get usageTotal(): string {
        return formatCents(this.usage.reduce((sum, day) => sum + day.amountCents, 0));
    }

    get chartLabel(): string {
        return `Dialer usage over the last ${USAGE_DAYS} days, ${this.usageTotal} in total`;
    }

    handleAmountChange(event: CustomEvent<{ value: string }>): void {
        this.amountText = event.detail.value;
        clearFieldProblem(event.target);
    }

    handleBuyMinutes(): void {
        const cents = parseDollarsToCents(this.amountText);
        // R5.2, the service's own rule (at least $100.00), said on the amount field, which takes the focus.
        const plan = cents === null ? undefined : planManualPurchase(cents);
        const problem =
            cents === null
                ? 'Enter an amount in dollars, like 100 or 250.50.'
                : plan?.ok === false
                  ? plan.errors.map((error) => error.message).join(' ')
                  : '';
        if (!showFieldProblems(this.template, problem ? [{ field: 'amount', message: problem }] : [])) return;
        if (cents === null) return;
        this.startChange(`Buy ${formatCents(cents)} of dialer minutes`, async (authorization, key) => {
            await purchaseMinutes(this.accountId, cents, authorization, key);
        });
    }

    /** What the switch will do once accepted, while the change waits in the footer. */
    get rechargeWaiting(): string {
        if (!this.pending || this.pending.summary !== this.rechargeSummary) return '';
        return this.rechargeEnabled
            ? 'Automatic recharge stays On until you accept turning it off below.'
            : 'Automatic recharge stays Off until you accept turning it on below.';
    }

    handleRechargeToggle(event: CustomEvent<{ checked: boolean }>): void {
        const enabled = event.detail.checked;
        // The switch shows what the service has (R9.1): it moves when the reloaded minutes say so.
        (event.target as HTMLInputElement).checked = this.rechargeEnabled;
        if (enabled === this.rechargeEnabled) return;
        const summary = enabled
            ? `Turn on automatic recharge: ${this.rechargeAmount} whenever the balance falls below ${this.rechargeThreshold}`
            : 'Turn off automatic recharge';
        this.rechargeSummary = summary;
        this.startChange(summary, async (authorization, key) => {
            await setRecharge(this.accountId, enabled, authorization, key);
        });
    }
}
