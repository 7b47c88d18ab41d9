import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** A keep-alive JSON client over real sockets (one socket per concurrent caller), timing each call. */
export function jsonClient(baseUrl: string, headers: Record<string, string>, sockets: number) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
    const url = new URL(baseUrl);
    return {
        post(path: string, body: unknown): Promise<{ status: number; body: unknown; ms: number }> {
            const payload = JSON.stringify(body);
            const started = performance.now();
            return new Promise((resolve, reject) => {
                const request = http.request(
                    {
                        agent,
                        host: url.hostname,
                        port: url.port,
                        path,
                        method: 'POST',
                        headers: {
                            ...headers,
                            'content-type': 'application/json',
                            'content-length': Buffer.byteLength(payload)
                        }
                    },
                    (response) => {
                        const chunks: Buffer[] = [];
                        response.on('data', (chunk: Buffer) => chunks.push(chunk));
                        response.on('end', () => {
                            resolve({
                                status: response.statusCode ?? 0,
                                body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
                                ms: performance.now() - started
                            });
                        });
                    }
                );
                request.on('error', reject);
                request.end(payload);
            });
        },
        close: () => {
            agent.destroy();
        }
    };
}

/** The p-th percentile (0–100) of `values` in ms. */
export function percentile(values: readonly number[], p: number): number {
    if (values.length === 0) return 0;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
