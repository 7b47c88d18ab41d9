import { X509Certificate } from 'node:crypto';
import type { Connection } from 'jsforce';
import { serviceError } from '../kernel/serviceError';

/**
 * The org's signing certificate as Setup shows it (Certificate and Key Management), read with the
 * Metadata API (readMetadata of type Certificate: `content` is the base64 of the .crt file). Only
 * the public certificate exists there: Salesforce never exports the private key.
 */
export async function readOrgCertificate(connection: Connection, certificateName: string): Promise<string> {
    const records = (await connection.metadata.read('Certificate', [certificateName])) as unknown as (
        { fullName?: string; content?: string } | null | undefined
    )[];
    const content = records.find((record) => record?.fullName === certificateName)?.content;
    if (content === undefined || content === '') throw certificateMissing(certificateName);
    return toPem(Buffer.from(content, 'base64'), certificateName);
}

/** The .crt is PEM; a DER body is wrapped. Anything but an RSA X.509 certificate is refused. */
function toPem(bytes: Buffer, certificateName: string): string {
    const text = bytes.toString('utf8').trim();
    try {
        const certificate = new X509Certificate(text.startsWith('-----BEGIN') ? text : bytes);
        if (certificate.publicKey.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
        return certificate.toString().trim();
    } catch {
        throw serviceError(
            'certificate_missing',
            `The certificate ${certificateName} of your org is not an RSA certificate. Create a self-signed certificate with that unique name (2048-bit key) and connect again.`
        );
    }
}

export function certificateMissing(certificateName: string) {
    return serviceError(
        'certificate_missing',
        `Your org has no certificate named ${certificateName}. In Setup → Certificate and Key Management, create a self-signed certificate with that unique name, then connect again.`,
        { certificateName }
    );
}
