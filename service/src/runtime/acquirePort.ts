import { choosePort, unwrap, type LicenseCode, type PortPurpose } from '../../../core/index';
import type { Queryable } from '../db/pool';
import { leaseAnswer, noLicense, type LeaseAnswer } from './leaseAnswer';
import { takeLease, type PoolCount } from './leaseRepository';

export const PORT_PURPOSES = [
    'voicemail',
    'inbound',
    'recording',
    'fax'
] as const satisfies readonly PortPurpose[];

/** R2.6: what the user must hold to use a port for each purpose (voicemail: a Flex Port assignment). */
const PORT_REQUIRES: Record<PortPurpose, LicenseCode[]> = {
    voicemail: ['CRM', 'FLEX_PORT'],
    inbound: ['CRM', 'INBOUND'],
    recording: ['CRM'],
    fax: ['CRM', 'FAX']
};

/** R2.6: recording takes a Recording Port first, then a Flex Port; everything else a Flex Port. */
const PORT_POOLS: Record<PortPurpose, LicenseCode[]> = {
    voicemail: ['FLEX_PORT'],
    inbound: ['FLEX_PORT'],
    recording: ['RECORDING_PORT', 'FLEX_PORT'],
    fax: ['FLEX_PORT']
};

function portRefusal(purpose: PortPurpose, userHasFlexPort: boolean, pools: readonly PoolCount[]): Error {
    const count = (license: LicenseCode, field: 'inUse' | 'quantity') =>
        pools.find((pool) => pool.license === license)?.[field] ?? 0;
    unwrap(
        choosePort({
            purpose,
            userHasFlexPort,
            inUse: {
                FLEX_PORT: count('FLEX_PORT', 'inUse'),
                RECORDING_PORT: count('RECORDING_PORT', 'inUse')
            },
            quantities: {
                FLEX_PORT: count('FLEX_PORT', 'quantity'),
                RECORDING_PORT: count('RECORDING_PORT', 'quantity')
            }
        })
    );
    return new Error('unreachable: choosePort found a free port the database did not');
}

/**
 * R2.6, R10.2: a port for one voice message, inbound call, recorded or monitored call, or fax, as
 * a lease for the call's duration (renewed while it lasts). Refused with insufficient_ports.
 */
export async function acquirePort(
    db: Queryable,
    input: {
        orgId: string;
        accountId?: string | undefined;
        userId: string;
        purpose: PortPurpose;
        leaseId: string;
        now: Date;
        ttlSeconds: number;
    }
): Promise<LeaseAnswer> {
    const required = PORT_REQUIRES[input.purpose];
    const row = await takeLease(db, {
        ...input,
        accountId: input.accountId,
        required,
        pools: PORT_POOLS[input.purpose]
    });
    return leaseAnswer(row, input, {
        missing: (held) => {
            if (input.purpose === 'voicemail' && held.includes('CRM'))
                return portRefusal('voicemail', false, []);
            return noLicense(required.filter((license) => !held.includes(license)));
        },
        full: (pools) => portRefusal(input.purpose, true, pools)
    });
}
