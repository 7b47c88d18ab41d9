import type { LicenseCode } from '../../../core/index';
import { withSalesforceChecksum } from '../salesforce/salesforceId';

/** The local demo company (org ids of digits only have the checksum AAA). */
export const DEMO_ORG_ID = withSalesforceChecksum('00D000000000001');
export const DEMO_ACCOUNT_NAME = 'Acme Sales – US';
export const DEMO_TIME_ZONE = 'America/New_York';

export interface DemoUser {
    id: string;
    name: string;
    isAdmin: boolean;
    active: boolean;
}

const NAMES = [
    'Pat Admin',
    'Sam Rivera',
    'Alex Chen',
    'Jordan Lee',
    'Taylor Brooks',
    'Morgan Diaz',
    'Casey Nguyen',
    'Riley Patel',
    'Jamie Okafor',
    'Drew Kowalski',
    'Avery Johnson',
    'Quinn Murphy',
    'Reese Tanaka',
    'Skyler Haddad',
    'Cameron Silva',
    'Logan Meyer',
    'Emerson Costa',
    'Former Rep',
    'Vic Viewer',
    'Val Vendor'
];

/** 20 users: Pat (installer, billing administrator) and Sam are admins; "Former Rep" left but still holds licenses. */
export const DEMO_USERS: readonly DemoUser[] = NAMES.map((name, index) => ({
    id: withSalesforceChecksum(`005${String(index + 1).padStart(12, '0')}`),
    name,
    isAdmin: index < 2,
    active: name !== 'Former Rep'
}));

/** Licenses held, by user number (1-based, as in DEMO_USERS). */
export const DEMO_ASSIGNMENTS: Readonly<Partial<Record<LicenseCode, readonly number[]>>> = {
    CRM: range(1, 18),
    CRM_VIEW: [19, 20],
    ADMIN_ONLY: [1, 2],
    DIALER_TAB: range(3, 14),
    DIALER: range(3, 12),
    FLEX_PORT: [3, 4, 5],
    INBOUND: [6, 7],
    ELF: [1, 2, 3, 4, 18]
};

export const DEMO_LICENSES: Readonly<Partial<Record<LicenseCode, { quantity: number; floor: number }>>> = {
    CRM: { quantity: 18, floor: 15 },
    CRM_VIEW: { quantity: 2, floor: 0 },
    ADMIN_ONLY: { quantity: 2, floor: 0 },
    DIALER_TAB: { quantity: 12, floor: 10 },
    DIALER: { quantity: 10, floor: 8 },
    FLEX_PORT: { quantity: 3, floor: 2 },
    RECORDING_PORT: { quantity: 1, floor: 0 },
    INBOUND: { quantity: 2, floor: 0 },
    FAX: { quantity: 1, floor: 0 },
    ELF: { quantity: 5, floor: 0 },
    RECORDING: { quantity: 1, floor: 0 },
    TOLL_FREE: { quantity: 2, floor: 0 }
};

/** Storage snapshot in MB: 1,550 MB against a 1,000 MB allowance for 20 users → $60 (R6). */
export const DEMO_STORAGE_MB = { records: 420, files: 980, data_lists: 150 } as const;

function range(first: number, last: number): number[] {
    return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
