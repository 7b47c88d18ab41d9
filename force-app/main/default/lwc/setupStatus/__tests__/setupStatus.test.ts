import SetupStatus, { isSetupProblem } from 'c/setupStatus';
import { clickOn, mount, resetDom, textOf } from '../../../../../test/utils/dom';

const CONNECT_URL = 'https://billing.powerdialer.example/connect/salesforce?org=00D000000000001AAA';
type Status = HTMLElement & { shadowRoot: ShadowRoot };

function refusal(code: string, message: string, details?: object) {
    return { body: details === undefined ? { code, message } : { code, message, details } };
}

async function render(error: unknown): Promise<Status> {
    return (await mount('c-setup-status', SetupStatus, { error })) as Status;
}

describe('c-setup-status (issue 12)', () => {
    afterEach(() => {
        resetDom();
        jest.restoreAllMocks();
    });

    it('knows the setup problems from the other errors', () => {
        for (const code of [
            'service_unavailable',
            'org_not_registered',
            'certificate_missing',
            'permission_set_missing'
        ]) {
            expect(isSetupProblem(refusal(code, 'x'))).toBe(true);
        }
        expect(isSetupProblem(refusal('license_floor', 'x'))).toBe(false);
        expect(isSetupProblem(new Error('boom'))).toBe(false);
    });

    it('while checking again: Check again waits and a spinner says so', async () => {
        const element = (await mount('c-setup-status', SetupStatus, {
            error: refusal('org_not_registered', 'Not connected yet.'),
            checking: true
        })) as Status;
        const retry = element.shadowRoot.querySelector('lightning-button.retry') as unknown as {
            disabled: boolean;
        };
        expect(retry.disabled).toBe(true);
        const spinner = element.shadowRoot.querySelector('c-loading-spinner') as unknown as {
            label: string;
        };
        expect(spinner.label).toBe('Checking again');
    });

    it('an org that is not connected: says so, and Connect opens the service Connect page', async () => {
        const open = jest.spyOn(window, 'open').mockImplementation(() => null);
        const element = await render(
            refusal('org_not_registered', 'Not connected yet.', { connectUrl: CONNECT_URL })
        );
        expect(textOf(element, '.title')).toBe('PowerDialer Billing is not connected to this org yet');
        expect(textOf(element, '.todo')).toContain('choose Connect');
        clickOn(element, 'lightning-button.connect');
        expect(open).toHaveBeenCalledWith(CONNECT_URL, '_blank', 'noopener');
    });

    it.each([
        ['certificate_missing', 'Certificate and Key Management'],
        ['permission_set_missing', 'Manage Assignments'],
        ['service_unavailable', 'Named Credentials']
    ])('%s: says what to do, with the detail, and offers no Connect', async (code, todo) => {
        const element = await render(refusal(code, `Detail of ${code}.`));
        expect(textOf(element, '.todo')).toContain(todo);
        expect(textOf(element, '.detail')).toBe(`Detail of ${code}.`);
        expect(element.shadowRoot.querySelector('lightning-button.connect')).toBeNull();
    });

    it('Check again asks the page to retry', async () => {
        const element = await render(refusal('certificate_missing', 'No certificate.'));
        const retry = jest.fn();
        element.addEventListener('retry', retry);
        clickOn(element, 'lightning-button.retry');
        expect(retry).toHaveBeenCalledTimes(1);
    });

    it('ignores a Connect address that is not https', async () => {
        const element = await render(
            refusal('org_not_registered', 'x', { connectUrl: 'http://billing.example/connect' })
        );
        expect(element.shadowRoot.querySelector('lightning-button.connect')).toBeNull();
    });

    it('is accessible', async () => {
        const element = await render(
            refusal('org_not_registered', 'Not connected yet.', { connectUrl: CONNECT_URL })
        );
        await expect(element).toBeAccessible();
    });
});
