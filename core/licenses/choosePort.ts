import { BillingError, ok, refused } from '../errors';
import type { Result } from '../errors';
import { quantityOf } from './schemas';
import type { LicenseQuantities } from './schemas';

export type PortPurpose = 'voicemail' | 'inbound' | 'recording' | 'fax';
export type PortPool = 'FLEX_PORT' | 'RECORDING_PORT';

export interface ChoosePortInput {
    readonly purpose: PortPurpose;
    /** Whether the user has a FLEX_PORT assignment (voicemail needs one, R2.6). */
    readonly userHasFlexPort: boolean;
    /** Ports of each pool leased at this moment. */
    readonly inUse: Partial<Record<PortPool, number>>;
    readonly quantities: LicenseQuantities;
}

const PURPOSE_TEXT: Record<PortPurpose, string> = {
    voicemail: 'send the voice message',
    inbound: 'take the inbound call',
    recording: 'record or monitor the call',
    fax: 'send or receive the fax'
};

function hasFreePort(input: ChoosePortInput, pool: PortPool): boolean {
    return (input.inUse[pool] ?? 0) < quantityOf(input.quantities, pool);
}

/** R2.6: which pool to lease a port from (recording tries RECORDING_PORT first), or "insufficient ports". */
export function choosePort(input: ChoosePortInput): Result<{ pool: PortPool }> {
    if (input.purpose === 'voicemail' && !input.userHasFlexPort) {
        return refused([
            new BillingError(
                'insufficient_ports',
                'Insufficient ports: this user has no Flex Port license assigned, which sending voice messages needs. Ask your billing administrator to assign one.',
                { purpose: input.purpose, reason: 'no_flex_port_assignment' }
            )
        ]);
    }
    const pools: PortPool[] = input.purpose === 'recording' ? ['RECORDING_PORT', 'FLEX_PORT'] : ['FLEX_PORT'];
    const pool = pools.find((candidate) => hasFreePort(input, candidate));
    if (pool !== undefined) return ok({ pool });
    const flexInUse = input.inUse.FLEX_PORT ?? 0;
    return refused([
        new BillingError(
            'insufficient_ports',
            `Insufficient ports: all ${quantityOf(input.quantities, 'FLEX_PORT')} flex ports are in use, so there is none free to ${PURPOSE_TEXT[input.purpose]}. Try again shortly or buy more Flex Ports.`,
            {
                purpose: input.purpose,
                reason: 'all_ports_in_use',
                inUse: { FLEX_PORT: flexInUse, RECORDING_PORT: input.inUse.RECORDING_PORT ?? 0 },
                quantity: {
                    FLEX_PORT: quantityOf(input.quantities, 'FLEX_PORT'),
                    RECORDING_PORT: quantityOf(input.quantities, 'RECORDING_PORT')
                }
            }
        )
    ]);
}
