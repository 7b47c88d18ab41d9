export const CONNECT_PATH = '/connect/salesforce';
/** A certificate's unique name in Salesforce (Certificate and Key Management). */
export const CERTIFICATE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

/** Where the billing page sends an admin whose org is not registered yet. */
export function connectUrl(serviceUrl: string, orgId: string, certificateName: unknown): string {
    const url = new URL(CONNECT_PATH, serviceUrl);
    url.searchParams.set('org', orgId);
    if (typeof certificateName === 'string' && CERTIFICATE_NAME.test(certificateName)) {
        url.searchParams.set('certificate', certificateName);
    }
    return url.toString();
}
