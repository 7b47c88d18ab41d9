import { LightningElement, api } from 'lwc';
import { errorCode } from 'c/billingErrors';

interface SetupProblem {
    title: string;
    todo: string;
}

/** What an installer must do when the billing page cannot get to the billing service. */
const PROBLEMS: Readonly<Record<string, SetupProblem>> = {
    service_unavailable: {
        title: 'The billing service cannot be reached',
        todo: 'Check Setup → Named Credentials → PowerDialer Billing: its URL must be the billing service address PowerDialer gave you. If it is, try again in a few minutes.'
    },
    org_not_registered: {
        title: 'PowerDialer Billing is not connected to this org yet',
        todo: 'A Salesforce admin connects it once: choose Connect, sign in to this org, allow access, then come back and choose Check again.'
    },
    certificate_missing: {
        title: 'The signing certificate is missing',
        todo: 'In Setup → Certificate and Key Management, create a self-signed certificate named as below (2048-bit key, private key not exportable), then choose Connect or Check again.'
    },
    permission_set_missing: {
        title: 'You need the PowerDialer Billing Admin permission set',
        todo: 'Ask a Salesforce admin to assign it to you: Setup → Permission Sets → PowerDialer Billing Admin → Manage Assignments.'
    },
    salesforce_not_connected: {
        title: 'The billing service lost its connection to this org',
        todo: 'A Salesforce admin connects it again: choose Connect, sign in, allow access, then choose Check again.'
    }
};

/** True when `error` is a setup step still to do rather than a failure of one request. */
export function isSetupProblem(error: unknown): boolean {
    const code = errorCode(error);
    return code !== undefined && code in PROBLEMS;
}

function connectUrlOf(error: unknown): string | undefined {
    const details = (error as { body?: { details?: { connectUrl?: unknown } } } | null)?.body?.details;
    const url = details?.connectUrl;
    return typeof url === 'string' && url.startsWith('https://') ? url : undefined;
}

/**
 * The billing page's setup status (issue 12): says which setup step is missing and what to do;
 * for an org that is not connected, a Connect button opens the billing service's Connect page.
 * Fires `retry` when the admin asks to check again.
 */
export default class SetupStatus extends LightningElement {
    /** A service or proxy refusal whose code is one of the setup problems. */
    @api error: unknown;

    /** True while the page checks again: Check again waits and a spinner says so. */
    @api checking = false;

    get problem(): SetupProblem {
        return PROBLEMS[errorCode(this.error) ?? ''] ?? PROBLEMS.service_unavailable!;
    }

    get detail(): string {
        const message = (this.error as { body?: { message?: unknown } } | null)?.body?.message;
        return typeof message === 'string' ? message : '';
    }

    get connectUrl(): string | undefined {
        return connectUrlOf(this.error);
    }

    handleConnect(): void {
        const url = this.connectUrl;
        if (url !== undefined) window.open(url, '_blank', 'noopener');
    }

    handleRetry(): void {
        this.dispatchEvent(new CustomEvent('retry'));
    }
}
