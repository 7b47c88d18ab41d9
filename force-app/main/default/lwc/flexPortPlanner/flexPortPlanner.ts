import { LightningElement } from 'lwc';
import { planFlexPorts, RECOMMENDED_SPARE_PORTS, type FlexPortPlan } from 'c/billingRules';
import { formatNumber } from 'c/billingFormat';

type Field = 'agents' | 'hoursPerDay' | 'voicemailPercent' | 'inboundPercent' | 'recordedPercent';

/** The inputs as the admin types them; the documents' Company X to start with (R2.8). */
const COMPANY_X: Record<Field, string> = {
    agents: '5',
    hoursPerDay: '8',
    voicemailPercent: '40',
    inboundPercent: '25',
    recordedPercent: '0'
};

/** Each input as the panel draws it, in order; `whole` inputs take whole numbers only. */
const INPUTS: { field: Field; label: string; max: number; whole: boolean; step: string }[] = [
    { field: 'agents', label: 'Agents on the dialer', max: 10_000, whole: true, step: '1' },
    { field: 'hoursPerDay', label: 'Hours a day', max: 24, whole: false, step: '0.5' },
    {
        field: 'voicemailPercent',
        label: 'Calls leaving a voicemail (%)',
        max: 100,
        whole: false,
        step: 'any'
    },
    { field: 'inboundPercent', label: 'Time on inbound calls (%)', max: 100, whole: false, step: 'any' },
    { field: 'recordedPercent', label: 'Time on recorded calls (%)', max: 100, whole: false, step: 'any' }
];

const PERCENT = new Intl.NumberFormat('en-US', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1
});
const LOAD = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * "How many flex ports do I really need?" (R2.8): from agents, hours and the shares of time on
 * voicemail drops, inbound and recorded calls, the bare minimum per use (core's planner, the same
 * rules as the service), the total, the documents' "+2" recommendation, and how often a call would
 * find every port busy (Erlang B) at each choice.
 */
export default class FlexPortPlanner extends LightningElement {
    values: Record<Field, string> = { ...COMPANY_X };
    spare = RECOMMENDED_SPARE_PORTS;

    /** The inputs with what the admin typed in each. */
    get inputs() {
        return INPUTS.map((input) => ({ ...input, value: this.values[input.field] }));
    }

    /** The plan, or undefined while an input is empty or out of range (each input says why). */
    get plan(): FlexPortPlan | undefined {
        const numbers = {} as Record<Field, number>;
        for (const { field, max, whole } of INPUTS) {
            const value = Number(this.values[field]);
            if (
                this.values[field].trim() === '' ||
                !(value >= 0 && value <= max) ||
                (whole && !Number.isInteger(value))
            )
                return undefined;
            numbers[field] = value;
        }
        return planFlexPorts({
            agents: numbers.agents,
            hoursPerDay: numbers.hoursPerDay,
            voicemailShare: numbers.voicemailPercent / 100,
            inboundShare: numbers.inboundPercent / 100,
            recordedShare: numbers.recordedPercent / 100
        });
    }

    get rows() {
        const plan = this.plan;
        if (!plan) return [];
        const row = (key: string, use: string, rule: string, demand: FlexPortPlan['voicemail']) => ({
            key,
            use,
            rule,
            load: LOAD.format(demand.erlangs),
            minimum: formatNumber(demand.minimum),
            blocking: PERCENT.format(demand.blocking)
        });
        return [
            row('voicemail', 'Voicemail drops', 'can wait: the average in use', plan.voicemail),
            row('inbound', 'Inbound calls', 'callers must not wait: under 10% busy', plan.inbound),
            row('recording', 'Recorded calls', 'live: under 10% busy', plan.recording)
        ];
    }

    get minimum(): string {
        return formatNumber(this.plan?.minimum ?? 0);
    }

    get recommended(): string {
        return formatNumber(this.plan?.recommended ?? 0);
    }

    get blockingAtMinimum(): string {
        return PERCENT.format(this.plan?.blockingAtMinimum ?? 0);
    }

    get blockingAtRecommended(): string {
        return PERCENT.format(this.plan?.blockingAtRecommended ?? 0);
    }

    get portHours(): string {
        return LOAD.format(this.plan?.portHoursPerDay ?? 0);
    }

    handleInput(event: CustomEvent<{ value: string }>): void {
        const field = (event.target as HTMLElement).dataset.field as Field;
        this.values = { ...this.values, [field]: String(event.detail.value ?? '') };
    }
}
