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
import { clearFieldProblem, showFieldProblems } from 'c/fieldProblems';

/** R5.2: a manual purchase is at least $100.00. */
const MINIMUM_PURCHASE_CENTS = 10000;
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

    chartHeight = CHART_HEIGHT;
    /** The bars are laid out in CHART_WIDTH × CHART_HEIGHT units and stretched to the card's width. */
    chartViewBox = `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`;

    async load(): Promise<void> {
        if (!this.accountId) return;
        const [minutes, usage] = await Promise.all([
            settle(getMinutes(this.accountId)),
            settle(getMinutesUsage(this.accountId, USAGE_DAYS))
        ]);
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
        // Said on the amount field, which takes the focus (no authorization opens).
        const problem =
            cents === null
                ? 'Enter an amount in dollars, like 100 or 250.50.'
                : cents < MINIMUM_PURCHASE_CENTS
                  ? `The minimum purchase is ${formatCents(MINIMUM_PURCHASE_CENTS)}.`
                  : '';
        if (!showFieldProblems(this.template, problem ? [{ field: 'amount', message: problem }] : [])) return;
        if (cents === null) return;
        this.startChange(`Buy ${formatCents(cents)} of dialer minutes`, async (authorization, key) => {
            await purchaseMinutes(this.accountId, cents, authorization, key);
        });
    }

    /** Cancelling a recharge change puts the switch back where the service has it. */
    handleCancelChange(): void {
        super.handleCancelChange();
        const toggle = this.template?.querySelector<HTMLInputElement>('lightning-input.recharge');
        if (toggle) toggle.checked = this.rechargeEnabled;
    }

    handleRechargeToggle(event: CustomEvent<{ checked: boolean }>): void {
        const enabled = event.detail.checked;
        const summary = enabled
            ? `Turn on automatic recharge: ${this.rechargeAmount} whenever the balance falls below ${this.rechargeThreshold}`
            : 'Turn off automatic recharge';
        this.startChange(summary, async (authorization, key) => {
            await setRecharge(this.accountId, enabled, authorization, key);
        });
    }
}
