/* The license catalog without zod, so the panels' rules (core/panelRules.ts) can bundle it. */
import { BillingError } from '../errors';
import type { Cents } from '../money/cents';

export const LICENSE_CODES = [
    'CRM',
    'CRM_VIEW',
    'ADMIN_ONLY',
    'DIALER_TAB',
    'DIALER',
    'FLEX_PORT',
    'RECORDING_PORT',
    'INBOUND',
    'FAX',
    'ELF',
    'RECORDING',
    'TOLL_FREE'
] as const;

export type LicenseCode = (typeof LICENSE_CODES)[number];

/**
 * per_user: at most `quantity` users hold it (R2.2); pooled: anyone may hold it, at most `quantity`
 * use it at once (R2.3); feature: unlocks something for the account; count: lines, not users.
 */
export type LicenseKind = 'per_user' | 'pooled' | 'feature' | 'count';

export interface LicenseDefinition {
    readonly code: LicenseCode;
    readonly name: string;
    readonly kind: LicenseKind;
    /** Licenses the same user must hold first (R2.4). */
    readonly prerequisites: readonly LicenseCode[];
    readonly assignableToUsers: boolean;
    /** A user holding it holds nothing else (CRM_VIEW). */
    readonly exclusive: boolean;
    /** Price per unit per month for new accounts; each account's contracted price wins (R3.6). */
    readonly listPrice: Cents;
    readonly description: string;
}

const ON_CRM = ['CRM'] as const;

export const LICENSE_CATALOG: Readonly<Record<LicenseCode, LicenseDefinition>> = {
    CRM: {
        code: 'CRM',
        name: 'CRM',
        kind: 'per_user',
        prerequisites: [],
        assignableToUsers: true,
        exclusive: false,
        listPrice: 6500,
        description:
            'Basic CRM and database access; every active user needs it, and every other user license requires it.'
    },
    CRM_VIEW: {
        code: 'CRM_VIEW',
        name: 'CRM-View Only',
        kind: 'per_user',
        prerequisites: [],
        assignableToUsers: true,
        exclusive: true,
        listPrice: 2500,
        description:
            'Read-only CRM data and reports for managers, clients, partners and vendors; holds no other license.'
    },
    ADMIN_ONLY: {
        code: 'ADMIN_ONLY',
        name: 'Admin Only',
        kind: 'per_user',
        prerequisites: ON_CRM,
        assignableToUsers: true,
        exclusive: false,
        listPrice: 2500,
        description: 'Back-end setup and management tools; cannot make calls.'
    },
    DIALER_TAB: {
        code: 'DIALER_TAB',
        name: 'Dialer Tab',
        kind: 'pooled',
        prerequisites: ON_CRM,
        assignableToUsers: true,
        exclusive: false,
        listPrice: 2000,
        description: 'Dialer screens, initiatives and tic-sheet reports.'
    },
    DIALER: {
        code: 'DIALER',
        name: 'Dialer (PowerDialer)',
        kind: 'pooled',
        prerequisites: ['CRM', 'DIALER_TAB'],
        assignableToUsers: true,
        exclusive: false,
        listPrice: 9500,
        description: 'Power dialing and click-to-call; requires the Dialer Tab license.'
    },
    FLEX_PORT: {
        code: 'FLEX_PORT',
        name: 'Flex Port',
        kind: 'pooled',
        prerequisites: ON_CRM,
        assignableToUsers: true,
        exclusive: false,
        listPrice: 4500,
        description:
            'A flexible phone line for 1-click voicemail, inbound ACD, recording and monitoring, press-1 connect and fax.'
    },
    RECORDING_PORT: {
        code: 'RECORDING_PORT',
        name: 'Recording Port',
        kind: 'pooled',
        prerequisites: ON_CRM,
        assignableToUsers: true,
        exclusive: false,
        listPrice: 4500,
        description: 'Flex ports reserved for call recording and monitoring only.'
    },
    INBOUND: {
        code: 'INBOUND',
        name: 'Inbound Agent (Agent Login)',
        kind: 'pooled',
        prerequisites: ON_CRM,
        assignableToUsers: true,
        exclusive: false,
        listPrice: 3500,
        description:
            'The inbound agent tool and the inbound/outbound blend; each user on it needs a free flex port.'
    },
    FAX: {
        code: 'FAX',
        name: 'Fax',
        kind: 'pooled',
        prerequisites: ON_CRM,
        assignableToUsers: true,
        exclusive: false,
        listPrice: 1500,
        description: 'Send and receive faxes; each fax in progress needs a free flex port.'
    },
    ELF: {
        code: 'ELF',
        name: 'ResponseLoop / ELF',
        kind: 'per_user',
        prerequisites: ON_CRM,
        assignableToUsers: true,
        exclusive: false,
        listPrice: 3000,
        description: 'ELF automation; it acts only on records of licensed users.'
    },
    RECORDING: {
        code: 'RECORDING',
        name: 'Recording and Monitoring',
        kind: 'feature',
        prerequisites: [],
        assignableToUsers: false,
        exclusive: false,
        listPrice: 5000,
        description:
            'One per account unlocks recording and monitoring; each live recorded call holds a flex port.'
    },
    TOLL_FREE: {
        code: 'TOLL_FREE',
        name: 'Toll-free Numbers',
        kind: 'count',
        prerequisites: [],
        assignableToUsers: false,
        exclusive: false,
        listPrice: 1000,
        description: 'Toll-free lines that can be connected; a service representative hooks each one up.'
    }
};

export function isLicenseCode(value: string): value is LicenseCode {
    return (LICENSE_CODES as readonly string[]).includes(value);
}

export function getLicense(code: string): LicenseDefinition {
    if (!isLicenseCode(code)) {
        throw new BillingError('unknown_license', `There is no license called "${code}".`, { license: code });
    }
    return LICENSE_CATALOG[code];
}

/** Licenses a user can hold as their base: every active user needs one of them (R2.1). */
export const BASE_LICENSES: readonly LicenseCode[] = ['CRM', 'CRM_VIEW'];
