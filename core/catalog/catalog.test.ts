import { getService, priceForPanelPurchase, SERVICE_CATALOG } from './implementationServices';
import { getLicense, LICENSE_CATALOG, LICENSE_CODES, licenseCodeSchema } from './licenses';

describe('R2 license catalog', () => {
    it('holds the twelve licenses of the table with their kinds', () => {
        expect(LICENSE_CODES).toHaveLength(12);
        const kinds = Object.fromEntries(LICENSE_CODES.map((code) => [code, LICENSE_CATALOG[code].kind]));
        expect(kinds).toEqual({
            CRM: 'per_user',
            CRM_VIEW: 'per_user',
            ADMIN_ONLY: 'per_user',
            DIALER_TAB: 'pooled',
            DIALER: 'pooled',
            FLEX_PORT: 'pooled',
            RECORDING_PORT: 'pooled',
            INBOUND: 'pooled',
            FAX: 'pooled',
            ELF: 'per_user',
            RECORDING: 'feature',
            TOLL_FREE: 'count'
        });
    });

    it('R2.4 makes CRM the prerequisite of every other user license, and DIALER need DIALER_TAB', () => {
        for (const definition of Object.values(LICENSE_CATALOG)) {
            const base = definition.code === 'CRM' || definition.code === 'CRM_VIEW';
            if (definition.assignableToUsers && !base) expect(definition.prerequisites).toContain('CRM');
        }
        expect(LICENSE_CATALOG.DIALER.prerequisites).toEqual(['CRM', 'DIALER_TAB']);
        expect(LICENSE_CATALOG.CRM_VIEW.exclusive).toBe(true);
        expect(LICENSE_CATALOG.RECORDING.assignableToUsers).toBe(false);
        expect(LICENSE_CATALOG.TOLL_FREE.assignableToUsers).toBe(false);
    });

    it('refuses unknown license codes', () => {
        expect(getLicense('ELF').name).toBe('ResponseLoop / ELF');
        expect(() => getLicense('GOLD')).toThrow(
            expect.objectContaining({ code: 'unknown_license', httpStatus: 400 }) as Error
        );
        expect(licenseCodeSchema.safeParse('GOLD').success).toBe(false);
    });
});

describe('R7.5 implementation services', () => {
    it('sells only implementation types in the panel, at fixed prices', () => {
        const panel = Object.values(SERVICE_CATALOG).filter((service) => service.purchasableInPanel);
        expect(panel.map((service) => service.code)).toEqual([
            'IMPLEMENTATION_QUICK_START',
            'IMPLEMENTATION_STANDARD',
            'IMPLEMENTATION_ENTERPRISE'
        ]);
        expect(priceForPanelPurchase('IMPLEMENTATION_STANDARD')).toBe(150000);
    });

    it('leaves training, consulting and contract adjustments to a service rep', () => {
        for (const code of ['TRAINING', 'CONSULTING', 'CONTRACT_ADJUSTMENT'] as const) {
            expect(() => priceForPanelPurchase(code)).toThrow(
                expect.objectContaining({ code: 'service_rep_only', httpStatus: 403 }) as Error
            );
        }
        expect(() => getService('PIZZA')).toThrow(
            expect.objectContaining({ code: 'unknown_service' }) as Error
        );
    });
});
