import { randomUUID } from 'node:crypto';
import { as } from '../testing/buildTestApp';
import { makeAccount, TEST_NOW, type TestAccount } from '../testing/factories';
import { makeRuntimeKey, movableClock, runtimePost } from '../testing/runtimeClient';
import { useTestApp } from '../testing/testDatabase';
import { purgeRuntimeHistory } from './purgeRuntimeHistory';

const clock = movableClock();

describe('runtime leases: seats and ports (R2.3–R2.6, R10.2)', () => {
    const t = useTestApp(() => ({ clock, runtime: { leaseTtlSeconds: 60 } }));
    let headers: Record<string, string>;
    let acme: TestAccount;
    let other: TestAccount;
    beforeAll(async () => {
        headers = (await makeRuntimeKey(t.db.pool)).headers;
        acme = await makeAccount(t.db.pool, {
            users: 5,
            licenses: {
                CRM: { quantity: 5, assignedTo: 5 },
                DIALER_TAB: { quantity: 2, assignedTo: 4 },
                DIALER: { quantity: 2, assignedTo: 3 },
                FLEX_PORT: { quantity: 1, assignedTo: 2 },
                RECORDING_PORT: { quantity: 1 },
                INBOUND: { quantity: 1, assignedTo: 1 }
            }
        });
        other = await makeAccount(t.db.pool, { users: 2, licenses: { CRM: { quantity: 2, assignedTo: 2 } } });
    });
    const user = (index: number) => acme.users[index]!.id;
    const seat = (index: number, license = 'DIALER', leaseId = randomUUID()) =>
        runtimePost(t.app, headers, '/seats/acquire', {
            orgId: acme.orgId,
            userId: user(index),
            license,
            leaseId
        });
    const port = (index: number, purpose: string, leaseId = randomUUID()) =>
        runtimePost(t.app, headers, '/ports/acquire', {
            orgId: acme.orgId,
            userId: user(index),
            purpose,
            leaseId
        });
    const release = (leaseId: string, index: number) =>
        runtimePost(t.app, headers, `/leases/${leaseId}/release`, { orgId: acme.orgId, userId: user(index) });
    const inUse = async (license: string) => {
        const response = await t.app.inject({
            url: `/api/v1/accounts/${acme.accountId}/licenses`,
            headers: as({ orgId: acme.orgId, userId: acme.admin.id })
        });
        return response
            .json<{ licenses: { code: string; inUse: number; refusals30Days: number }[] }>()
            .licenses.find((line) => line.code === license);
    };

    it('R2.3: grants a seat as a lease with an expiry and the pool count; a retry with the same lease id gets the same lease', async () => {
        const leaseId = randomUUID();
        const first = await seat(0, 'DIALER', leaseId);
        expect(first).toEqual({
            status: 200,
            body: {
                leaseId,
                accountId: acme.accountId,
                license: 'DIALER',
                purpose: 'seat',
                expiresAt: new Date(TEST_NOW.getTime() + 60_000).toISOString(),
                ttlSeconds: 60,
                inUse: 1,
                quantity: 2
            }
        });
        expect(await seat(0, 'DIALER', leaseId)).toEqual(first);
        expect(await inUse('DIALER')).toMatchObject({ inUse: 1 });
        const reused = await seat(1, 'DIALER', leaseId);
        expect([reused.status, reused.body.code]).toEqual([409, 'lease_id_reused']);
        expect((await release(leaseId, 0)).body).toMatchObject({ live: false });
        expect(await inUse('DIALER')).toMatchObject({ inUse: 0 });
        // A late retry of the acquire after the release never takes a second seat.
        expect((await seat(0, 'DIALER', leaseId)).body).toMatchObject({ leaseId, inUse: 0 });
        expect(await inUse('DIALER')).toMatchObject({ inUse: 0 });
    });

    it('R2.5: a user without Dialer Tab and Dialer gets no_dialer_license naming what is missing', async () => {
        const noDialer = await seat(3, 'DIALER_TAB');
        expect(noDialer).toMatchObject({
            status: 403,
            body: { code: 'no_dialer_license', details: { missing: ['DIALER'] } }
        });
        const neither = await seat(4, 'DIALER');
        expect(neither.body).toMatchObject({
            code: 'no_dialer_license',
            details: { missing: ['DIALER_TAB', 'DIALER'] }
        });
        expect(neither.body.message).toMatch(/no license for the dialer/);
        const noInbound = await seat(2, 'INBOUND');
        expect(noInbound).toMatchObject({
            status: 403,
            body: { code: 'no_license', details: { missing: ['INBOUND'] } }
        });
        // The sentence names the license as people know it, not its code.
        expect(noInbound.body.message).toContain('no Inbound Agent (Agent Login) license');
    });

    it('R2.3: a full pool answers pool_exhausted with how many are in use of how many, and counts the refusal', async () => {
        const leases = [await seat(0), await seat(1)];
        expect(leases.map((lease) => lease.status)).toEqual([200, 200]);
        const refused = await seat(2);
        expect(refused).toMatchObject({
            status: 409,
            body: { code: 'pool_exhausted', details: { license: 'DIALER', inUse: 2, quantity: 2 } }
        });
        expect(refused.body.message).toMatch(/2 of 2/);
        expect(await inUse('DIALER')).toMatchObject({ inUse: 2, refusals30Days: 1 });
        for (const [index, lease] of leases.entries()) await release(lease.body.leaseId as string, index);
        expect(await inUse('DIALER')).toMatchObject({ inUse: 0 });
    });

    it('R10.2: a lease not renewed is free after its TTL; renewing keeps it; an expired lease cannot be renewed', async () => {
        const kept = await seat(0);
        const dropped = await seat(1);
        clock.advance(45);
        const renewed = await runtimePost(t.app, headers, `/leases/${kept.body.leaseId as string}/renew`, {
            orgId: acme.orgId,
            userId: user(0)
        });
        expect(renewed.body).toMatchObject({
            live: true,
            expiresAt: new Date(clock.now().getTime() + 60_000).toISOString()
        });
        clock.advance(20);
        expect(await inUse('DIALER')).toMatchObject({ inUse: 1 });
        const late = await runtimePost(t.app, headers, `/leases/${dropped.body.leaseId as string}/renew`, {
            orgId: acme.orgId,
            userId: user(1)
        });
        expect([late.status, late.body.code]).toEqual([409, 'lease_expired']);
        expect((await seat(2)).status).toBe(200);
        clock.advance(61);
        expect(await inUse('DIALER')).toMatchObject({ inUse: 0 });
    });

    it('R2.6: voicemail needs a Flex Port assignment; recording takes a Recording Port, then a Flex Port, then insufficient_ports', async () => {
        const noAssignment = await port(3, 'voicemail');
        expect(noAssignment).toMatchObject({
            status: 409,
            body: { code: 'insufficient_ports', details: { reason: 'no_flex_port_assignment' } }
        });
        const first = await port(0, 'recording');
        const second = await port(1, 'recording');
        expect([first.body.license, second.body.license]).toEqual(['RECORDING_PORT', 'FLEX_PORT']);
        const third = await port(2, 'recording');
        expect(third).toMatchObject({
            status: 409,
            body: {
                code: 'insufficient_ports',
                details: { reason: 'all_ports_in_use', inUse: { FLEX_PORT: 1, RECORDING_PORT: 1 } }
            }
        });
        const voicemail = await port(0, 'voicemail');
        expect(voicemail.body).toMatchObject({ code: 'insufficient_ports' });
        await release(second.body.leaseId as string, 1);
        expect((await port(0, 'voicemail')).body).toMatchObject({
            license: 'FLEX_PORT',
            purpose: 'voicemail',
            inUse: 1
        });
        expect(await inUse('FLEX_PORT')).toMatchObject({ inUse: 1, refusals30Days: 2 });
    });

    it("R1.2: another company's account id is not found; another company's lease id cannot be renewed or released", async () => {
        const foreign = await runtimePost(t.app, headers, '/seats/acquire', {
            orgId: acme.orgId,
            accountId: other.accountId,
            userId: user(0),
            license: 'DIALER',
            leaseId: randomUUID()
        });
        expect([foreign.status, foreign.body.code]).toEqual([404, 'not_found']);
        const lease = await seat(0);
        for (const action of ['renew', 'release']) {
            const guessed = await runtimePost(
                t.app,
                headers,
                `/leases/${lease.body.leaseId as string}/${action}`,
                {
                    orgId: other.orgId,
                    userId: other.users[0]!.id
                }
            );
            expect([guessed.status, guessed.body.code]).toEqual([404, 'lease_not_found']);
        }
        expect(await inUse('DIALER')).toMatchObject({ inUse: 1 });
        await release(lease.body.leaseId as string, 0);
    });

    it('answers per-user licenses without a lease, and refuses every runtime call of a cancelled account (R4.3)', async () => {
        const check = await runtimePost(t.app, headers, '/licenses/check', {
            orgId: acme.orgId,
            userId: user(3),
            licenses: ['CRM', 'ELF']
        });
        expect(check.body).toEqual({
            accountId: acme.accountId,
            userId: user(3),
            holds: { CRM: true, ELF: false },
            dialer: false
        });
        await t.db.pool.query(
            `UPDATE billing_accounts SET status = 'cancelling', cancel_effective_on = '2026-01-31' WHERE id = $1`,
            [acme.accountId]
        );
        try {
            expect((await seat(0)).body).toMatchObject({ code: 'account_cancelled' });
            expect((await port(0, 'recording')).body).toMatchObject({ code: 'account_cancelled' });
            const call = await runtimePost(t.app, headers, '/calls/authorize', {
                orgId: acme.orgId,
                userId: user(0)
            });
            expect([call.status, call.body.code]).toEqual([409, 'account_cancelled']);
        } finally {
            await t.db.pool.query(
                `UPDATE billing_accounts SET status = 'active', cancel_effective_on = NULL WHERE id = $1`,
                [acme.accountId]
            );
        }
    });

    it('R5.5: a new call is refused with out_of_minutes below one minute of balance', async () => {
        const call = await runtimePost(t.app, headers, '/calls/authorize', {
            orgId: acme.orgId,
            userId: user(0)
        });
        expect(call).toMatchObject({ status: 402, body: { code: 'out_of_minutes' } });
    });

    it('answers account_required when the org has several accounts and none is named', async () => {
        await makeAccount(t.db.pool, { orgId: acme.orgId, users: 1 });
        const response = await seat(0);
        expect([response.status, response.body.code]).toEqual([400, 'account_required']);
        const named = await runtimePost(t.app, headers, '/seats/acquire', {
            orgId: acme.orgId,
            accountId: acme.accountId,
            userId: user(0),
            license: 'DIALER',
            leaseId: randomUUID()
        });
        expect(named.status).toBe(200);
    });

    it('purges leases over for a day and refusals older than 31 days, and keeps live ones', async () => {
        const take = (index: number) =>
            runtimePost(t.app, headers, '/seats/acquire', {
                orgId: acme.orgId,
                accountId: acme.accountId,
                userId: user(index),
                license: 'DIALER',
                leaseId: randomUUID()
            });
        const ended = await take(1);
        await release(ended.body.leaseId as string, 1);
        clock.advance(3600);
        const live = await take(0);
        const count = async () =>
            (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM runtime_leases')).rows[0]!
                .n;
        const before = await count();
        const purged = await purgeRuntimeHistory(t.db.pool, new Date(clock.now().getTime() + 24 * 3_600_000));
        expect(purged.leases).toBeGreaterThan(0);
        expect(await count()).toBe(before - purged.leases);
        const kept = await t.db.pool.query('SELECT id FROM runtime_leases WHERE id = ANY($1::uuid[])', [
            [live.body.leaseId, ended.body.leaseId]
        ]);
        expect(kept.rows).toEqual([{ id: live.body.leaseId }]);
    });
});
