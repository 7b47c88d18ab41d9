import { z } from 'zod';
import { BillingError } from '../errors';
import type { Cents } from '../money/cents';

export const SERVICE_CODES = [
    'IMPLEMENTATION_QUICK_START',
    'IMPLEMENTATION_STANDARD',
    'IMPLEMENTATION_ENTERPRISE',
    'TRAINING',
    'CONSULTING',
    'CONTRACT_ADJUSTMENT'
] as const;

export type ServiceCode = (typeof SERVICE_CODES)[number];

export const serviceCodeSchema = z.enum(SERVICE_CODES);

export interface ServiceDefinition {
    readonly code: ServiceCode;
    readonly name: string;
    /** Only implementation types are bought in the panel; the rest are added by a service rep (R7.5). */
    readonly purchasableInPanel: boolean;
    /** Fixed one-time price; null when a service rep sets the price per order. */
    readonly price: Cents | null;
    readonly description: string;
}

export const SERVICE_CATALOG: Readonly<Record<ServiceCode, ServiceDefinition>> = {
    IMPLEMENTATION_QUICK_START: {
        code: 'IMPLEMENTATION_QUICK_START',
        name: 'Implementation: Quick Start',
        purchasableInPanel: true,
        price: 50000,
        description: 'Remote setup of users, licenses and one dialer initiative.'
    },
    IMPLEMENTATION_STANDARD: {
        code: 'IMPLEMENTATION_STANDARD',
        name: 'Implementation: Standard',
        purchasableInPanel: true,
        price: 150000,
        description: 'Quick Start plus data import, inbound routing and admin training.'
    },
    IMPLEMENTATION_ENTERPRISE: {
        code: 'IMPLEMENTATION_ENTERPRISE',
        name: 'Implementation: Enterprise',
        purchasableInPanel: true,
        price: 400000,
        description: 'Standard plus telephony integration, ELF workflows and a project manager.'
    },
    TRAINING: {
        code: 'TRAINING',
        name: 'Training',
        purchasableInPanel: false,
        price: null,
        description: 'Training sessions, added by a service representative.'
    },
    CONSULTING: {
        code: 'CONSULTING',
        name: 'Consulting',
        purchasableInPanel: false,
        price: null,
        description: 'Consulting hours, added by a service representative.'
    },
    CONTRACT_ADJUSTMENT: {
        code: 'CONTRACT_ADJUSTMENT',
        name: 'Contract adjustment',
        purchasableInPanel: false,
        price: null,
        description: 'A one-time adjustment under the contract, added by a service representative.'
    }
};

export function getService(code: string): ServiceDefinition {
    const parsed = serviceCodeSchema.safeParse(code);
    if (!parsed.success) {
        throw new BillingError('unknown_service', `There is no service called "${code}".`, { service: code });
    }
    return SERVICE_CATALOG[parsed.data];
}

/** The one-time price of a service an admin buys in the panel (implementation types only). */
export function priceForPanelPurchase(code: ServiceCode): Cents {
    const service = SERVICE_CATALOG[code];
    if (!service.purchasableInPanel || service.price === null) {
        throw new BillingError(
            'service_rep_only',
            `${service.name} is added by your service representative; it cannot be bought in the panel.`,
            { service: code }
        );
    }
    return service.price;
}
