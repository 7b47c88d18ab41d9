import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, register } from 'prom-client';

const DURATION_NAME = 'billing_http_request_duration_seconds';

function requestDuration(): Histogram<'method' | 'route' | 'status'> {
    const existing = register.getSingleMetric(DURATION_NAME) as
        Histogram<'method' | 'route' | 'status'> | undefined;
    if (existing !== undefined) return existing;
    collectDefaultMetrics();
    return new Histogram({
        name: DURATION_NAME,
        help: 'HTTP requests by route and status (its _count is the request count)',
        labelNames: ['method', 'route', 'status'] as const
    });
}

/** `GET /metrics` in Prometheus text format: requests, latency, ledger transfers, process stats. */
export function installMetrics(app: FastifyInstance): void {
    const duration = requestDuration();
    app.addHook('onResponse', async (request, reply) => {
        duration.observe(
            {
                method: request.method,
                route: request.routeOptions.url ?? 'unknown',
                status: String(reply.statusCode)
            },
            reply.elapsedTime / 1000
        );
    });
    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
        return reply.type(register.contentType).send(await register.metrics());
    });
}
