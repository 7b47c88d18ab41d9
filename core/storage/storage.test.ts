import {
    BYTES_PER_GIGABYTE,
    BYTES_PER_MEGABYTE,
    storageAllowanceMb,
    storageFee,
    storageUsageSchema
} from './storageFee';
import { storageReport } from './storageReport';

const MB = BYTES_PER_MEGABYTE;
const GB = BYTES_PER_GIGABYTE;

describe('R6.1 storage allowance', () => {
    it.each([
        [1, 250],
        [5, 250],
        [6, 300],
        [8, 400],
        [35, 1750]
    ])('gives %i users %i MB', (users, megabytes) => {
        expect(storageAllowanceMb(users)).toBe(megabytes);
    });

    it('counts 1 GB as 1,024 MB', () => {
        expect(GB).toBe(1024 * MB);
    });
});

describe('R6.2 storage fee', () => {
    it.each([
        ['400 MB (at the allowance)', 400 * MB, 0],
        ['500 MB', 500 * MB, 3000],
        ['1 GB', GB, 3000],
        ['1.2 GB (1,229 MB)', 1229 * MB, 6000],
        ['2 GB', 2 * GB, 6000],
        ['2 GB and one byte', 2 * GB + 1, 9000]
    ])('charges 8 users using %s the right fee', (_label, usage, fee) => {
        expect(storageFee(8, usage).fee).toBe(fee);
    });

    it('refuses negative or fractional input', () => {
        expect(() => storageFee(8, -1)).toThrow(expect.objectContaining({ code: 'invalid_input' }) as Error);
        expect(() => storageFee(8.5, 1)).toThrow(expect.objectContaining({ code: 'invalid_input' }) as Error);
    });

    it('tells how far the account may grow for the same fee', () => {
        expect(storageFee(8, 500 * MB)).toMatchObject({
            overAllowance: true,
            billedGigabytes: 1,
            feeCoversUpToBytes: GB
        });
        expect(storageFee(8, 300 * MB)).toMatchObject({
            overAllowance: false,
            billedGigabytes: 0,
            fee: 0,
            feeCoversUpToBytes: null
        });
    });

    it('charges nothing to 35 users within 1,750 MB, and $60 just above it (2 started GB)', () => {
        expect(storageFee(35, 1750 * MB).fee).toBe(0);
        expect(storageFee(35, 1750 * MB + 1).fee).toBe(6000);
    });
});

describe('R6.3 View Storage', () => {
    it('sums usage by kind and lists the three ways to lower it', () => {
        const report = storageReport(8, {
            records: 200 * MB,
            filesAndRecordings: 250 * MB,
            dataLists: 50 * MB
        });
        expect(report).toMatchObject({
            byKind: { records: 200 * MB, filesAndRecordings: 250 * MB, dataLists: 50 * MB },
            usageBytes: 500 * MB,
            allowanceBytes: 400 * MB,
            fee: 3000
        });
        expect(report.waysToLower).toHaveLength(3);
        expect(report.waysToLower.join(' ')).toMatch(/call recordings/);
    });

    it('validates usage input with a shared zod schema', () => {
        expect(
            storageUsageSchema.safeParse({ records: 1, filesAndRecordings: 0, dataLists: 0 }).success
        ).toBe(true);
        expect(
            storageUsageSchema.safeParse({ records: -1, filesAndRecordings: 0, dataLists: 0 }).success
        ).toBe(false);
        expect(
            storageUsageSchema.safeParse({ records: 1.5, filesAndRecordings: 0, dataLists: 0 }).success
        ).toBe(false);
    });
});
