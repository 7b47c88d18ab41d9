import {
    acceptChange,
    authorisedLine,
    cancelChange,
    changeState,
    clearChange,
    NO_CHANGE,
    startChange,
    type ChangeHolder
} from 'c/changeState';
import * as api from 'c/billingApi';
import { AUTHORIZATION, serviceError } from '../../../../../test/utils/panel';
import TERMS from '../../../../../test/data/terms.json';

jest.mock('c/billingApi');

const mocked = api as jest.Mocked<typeof api>;

function idle(): ChangeHolder {
    return { pending: null, sending: false, changeError: undefined, authorised: '' };
}

describe('c/changeState: one change waiting for the authorization footer (R9)', () => {
    beforeEach(() => {
        mocked.newIdempotencyKey.mockReturnValueOnce('key-1').mockReturnValueOnce('key-2');
    });
    afterEach(() => jest.resetAllMocks());

    it('R9.1 sends nothing when started, and sends once with the key after Accept', async () => {
        const holder = idle();
        const send = jest.fn().mockResolvedValue({});
        startChange(holder, 'Buy $150.00 of dialer minutes', send);
        expect(send).not.toHaveBeenCalled();
        expect(changeState(holder, TERMS)).toEqual({
            summary: 'Buy $150.00 of dialer minutes',
            termsText: TERMS.text,
            termsVersion: TERMS.version,
            busy: false,
            error: undefined,
            authorised: ''
        });
        const accepted = await acceptChange(holder, AUTHORIZATION);
        expect(send).toHaveBeenCalledWith(AUTHORIZATION, 'key-1');
        expect(accepted?.summary).toBe('Buy $150.00 of dialer minutes');
        expect(changeState(holder, TERMS)).toMatchObject({ summary: '', busy: false, error: undefined });
        expect(holder.authorised).toBe(authorisedLine('Buy $150.00 of dialer minutes', AUTHORIZATION));
        expect(holder.authorised).toBe(
            `Buy $150.00 of dialer minutes: authorised by Ada Admin, terms version ${TERMS.version}.`
        );
    });

    it('is busy while sending and ignores a second Accept meanwhile', async () => {
        const holder = idle();
        let finish: (value: unknown) => void = () => undefined;
        const send = jest.fn(() => new Promise((resolve) => (finish = resolve)));
        startChange(holder, 'Make the card primary', send);
        const first = acceptChange(holder, AUTHORIZATION);
        expect(changeState(holder, TERMS).busy).toBe(true);
        expect(await acceptChange(holder, AUTHORIZATION)).toBeNull();
        finish({});
        await first;
        expect(send).toHaveBeenCalledTimes(1);
        expect(changeState(holder, TERMS).busy).toBe(false);
    });

    it('keeps a refused change with its key and refusal, so Accept again retries the same action', async () => {
        const holder = idle();
        const refusal = serviceError('payment_declined', 'The card was declined.');
        const send = jest.fn().mockRejectedValueOnce(refusal).mockResolvedValueOnce({});
        startChange(holder, 'Buy minutes', send);
        expect(await acceptChange(holder, AUTHORIZATION)).toBeNull();
        expect(changeState(holder, TERMS)).toMatchObject({ summary: 'Buy minutes', error: refusal });
        // Pressing the same button again while it waits is the same action: same key.
        startChange(holder, 'Buy minutes', send);
        expect(holder.changeError).toBeUndefined();
        await acceptChange(holder, AUTHORIZATION);
        expect(send.mock.calls.map((call) => call[1] as string)).toEqual(['key-1', 'key-1']);
    });

    it('gives another change, or the same one after Cancel, a new key', async () => {
        const holder = idle();
        const send = jest.fn().mockResolvedValue({});
        startChange(holder, 'E-mail to a@example.com', send);
        startChange(holder, 'E-mail to b@example.com', send);
        expect(holder.pending?.idempotencyKey).toBe('key-2');
        cancelChange(holder);
        expect(changeState(holder, TERMS).summary).toBe('');
        mocked.newIdempotencyKey.mockReturnValueOnce('key-3');
        startChange(holder, 'E-mail to b@example.com', send);
        expect(holder.pending?.idempotencyKey).toBe('key-3');
    });

    it('says what was authorised in the words the change gives, and forgets it on the next change', async () => {
        const holder = idle();
        startChange(
            holder,
            'E-mail receipt TRX-1 to ap@example.com',
            () => Promise.resolve({}),
            (authorization) => `Receipt sent to ap@example.com: authorised by ${authorization.firstName}.`
        );
        await acceptChange(holder, AUTHORIZATION);
        expect(holder.authorised).toBe('Receipt sent to ap@example.com: authorised by Ada.');
        cancelChange(holder);
        expect(holder.authorised).toBe('Receipt sent to ap@example.com: authorised by Ada.');
        startChange(holder, 'Another', () => Promise.resolve({}));
        expect(holder.authorised).toBe('');
        clearChange(holder);
        expect(changeState(holder, undefined)).toEqual(NO_CHANGE);
    });

    it('does nothing on Accept when no change waits', async () => {
        expect(await acceptChange(idle(), AUTHORIZATION)).toBeNull();
    });
});
