/**
 * The billing service's request bodies, success answers and error codes, generated from its
 * OpenAPI document (service/src/app/buildApp.ts; the codes: x-error-codes, from
 * service/src/app/routeErrorCodes.ts). Do not edit: run `npm run api-types` after changing a route.
 */
export interface paths {
    '/health/live': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            /** @enum {string} */
                            status: 'ok';
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/health': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            /** @enum {string} */
                            status: 'ok';
                            /** @enum {string} */
                            database: 'ok';
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/health/ready': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            /** @enum {string} */
                            status: 'ok';
                            /** @enum {string} */
                            database: 'ok';
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/me': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            userId: string;
                            name: string;
                            orgId: string;
                            /** @description Active Salesforce admin: may see and change billing (R1.4) */
                            isAdmin: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/terms': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            version: string;
                            text: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/audit': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            records: {
                                id: number;
                                userId: string;
                                /**
                                 * @description 'support': PowerDialer's staff (R11.2)
                                 * @enum {string}
                                 */
                                actor: 'admin' | 'support';
                                /** @description Why PowerDialer support read or changed this */
                                reason: string | null;
                                firstName: string;
                                lastName: string;
                                termsVersion: string;
                                action: string;
                                before: unknown;
                                after: unknown;
                                at: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/summary': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            orgId: string;
                            accounts: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @enum {string} */
                                status: 'active' | 'cancelling' | 'cancelled';
                                timeZone: string;
                                licenses: {
                                    /** @enum {string} */
                                    code:
                                        | 'CRM'
                                        | 'CRM_VIEW'
                                        | 'ADMIN_ONLY'
                                        | 'DIALER_TAB'
                                        | 'DIALER'
                                        | 'FLEX_PORT'
                                        | 'RECORDING_PORT'
                                        | 'INBOUND'
                                        | 'FAX'
                                        | 'ELF'
                                        | 'RECORDING'
                                        | 'TOLL_FREE';
                                    name: string;
                                    quantity: number;
                                    unitPriceCents: number;
                                    lineTotalCents: number;
                                }[];
                                recurringTotalCents: number;
                                recentPurchases: {
                                    transactionId: string;
                                    number: string;
                                    kind: string;
                                    status: string;
                                    totalCents: number;
                                    at: string;
                                }[];
                                /** @description R4.2 the latest cycle bill: paid, being collected (dunning) or past due; null before the first cycle */
                                payment: {
                                    period: string;
                                    /** @enum {string} */
                                    status: 'collecting' | 'paid' | 'past_due';
                                    attempts: number;
                                    failedOn: string | null;
                                    nextTryOn: string | null;
                                    waitingForNewSource: boolean;
                                    message: string;
                                } | null;
                            }[];
                            recurringTotalCents: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/billing-administrator': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            userId: string | null;
                            name: string | null;
                            email: string | null;
                            isAdmin: boolean;
                            active: boolean;
                        };
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header: {
                    /** @description Unique per change: a retry with the same key and body returns the first answer (409 with another body). */
                    'Idempotency-Key': string;
                };
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    'application/json': {
                        userId: string;
                        /** @description The admin’s typed first and last name and the accepted terms version (R9.1). */
                        authorization: {
                            firstName: string;
                            lastName: string;
                            termsVersion: string;
                            /** @enum {boolean} */
                            accepted: true;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            userId: string | null;
                            name: string | null;
                            email: string | null;
                            isAdmin: boolean;
                            active: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/cancellation/preview': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    'application/json': Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            /** @enum {string} */
                            status: 'active' | 'cancelling' | 'cancelled';
                            plan: {
                                /** @description Last day of service: the end of the contract term (R4.3) */
                                effectiveDate: string;
                                remainingCycles: number;
                                monthlyAtFloors: number;
                                monthlyAtCurrentQuantities: number;
                                remainingOwed: number;
                                remainingIfUnchanged: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/cancellation': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Unique per change: a retry with the same key and body returns the first answer (409 with another body). */
                    'Idempotency-Key': string;
                };
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    'application/json': {
                        /** @description The admin’s typed first and last name and the accepted terms version (R9.1). */
                        authorization: {
                            firstName: string;
                            lastName: string;
                            termsVersion: string;
                            /** @enum {boolean} */
                            accepted: true;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            /** @enum {string} */
                            status: 'active' | 'cancelling' | 'cancelled';
                            plan: {
                                /** @description Last day of service: the end of the contract term (R4.3) */
                                effectiveDate: string;
                                remainingCycles: number;
                                monthlyAtFloors: number;
                                monthlyAtCurrentQuantities: number;
                                remainingOwed: number;
                                remainingIfUnchanged: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/licenses': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            /** Format: uuid */
                            accountId: string;
                            contract: {
                                start: string;
                                end: string;
                            } | null;
                            licenses: {
                                /** @enum {string} */
                                code:
                                    | 'CRM'
                                    | 'CRM_VIEW'
                                    | 'ADMIN_ONLY'
                                    | 'DIALER_TAB'
                                    | 'DIALER'
                                    | 'FLEX_PORT'
                                    | 'RECORDING_PORT'
                                    | 'INBOUND'
                                    | 'FAX'
                                    | 'ELF'
                                    | 'RECORDING'
                                    | 'TOLL_FREE';
                                name: string;
                                /** @enum {string} */
                                kind: 'per_user' | 'pooled' | 'feature' | 'count';
                                purchased: number;
                                /** @description Users holding it */
                                assigned: number;
                                /** @description Live runtime leases now (pooled licenses, R2.3) */
                                inUse: number;
                                /** @description Seats or ports refused for lack of one in the last 30 days (people locked out) */
                                refusals30Days: number;
                                unitPriceCents: number;
                                lineTotalCents: number;
                                /** @description Contract minimum while the term lasts (R3.2) */
                                floor: number;
                                /** @description Paid for but held by deactivated users (R2.7) */
                                heldByInactiveUsers: number;
                            }[];
                            recurringTotalCents: number;
                            /** @description TOLL_FREE numbers connected by a service representative */
                            tollFreeLines: {
                                /** Format: uuid */
                                id: string;
                                phoneNumber: string;
                                connectedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/assignments': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            users: {
                                id: string;
                                name: string;
                                email: string;
                                active: boolean;
                                licenses: (
                                    | 'CRM'
                                    | 'CRM_VIEW'
                                    | 'ADMIN_ONLY'
                                    | 'DIALER_TAB'
                                    | 'DIALER'
                                    | 'FLEX_PORT'
                                    | 'RECORDING_PORT'
                                    | 'INBOUND'
                                    | 'FAX'
                                    | 'ELF'
                                    | 'RECORDING'
                                    | 'TOLL_FREE'
                                )[];
                                /** @description Licenses whose seat or port the user holds right now (live leases) */
                                inUseNow: (
                                    | 'CRM'
                                    | 'CRM_VIEW'
                                    | 'ADMIN_ONLY'
                                    | 'DIALER_TAB'
                                    | 'DIALER'
                                    | 'FLEX_PORT'
                                    | 'RECORDING_PORT'
                                    | 'INBOUND'
                                    | 'FAX'
                                    | 'ELF'
                                    | 'RECORDING'
                                    | 'TOLL_FREE'
                                )[];
                            }[];
                            available: {
                                /** @enum {string} */
                                code:
                                    | 'CRM'
                                    | 'CRM_VIEW'
                                    | 'ADMIN_ONLY'
                                    | 'DIALER_TAB'
                                    | 'DIALER'
                                    | 'FLEX_PORT'
                                    | 'RECORDING_PORT'
                                    | 'INBOUND'
                                    | 'FAX'
                                    | 'ELF'
                                    | 'RECORDING'
                                    | 'TOLL_FREE';
                                name: string;
                                /** @enum {string} */
                                kind: 'per_user' | 'pooled' | 'feature' | 'count';
                                purchased: number;
                                assigned: number;
                                /** @description Per-user licenses: purchased minus assigned; null for pooled */
                                available: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Unique per change: a retry with the same key and body returns the first answer (409 with another body). */
                    'Idempotency-Key': string;
                };
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    'application/json': {
                        changes: {
                            userId: string;
                            /** @enum {string} */
                            license:
                                | 'CRM'
                                | 'CRM_VIEW'
                                | 'ADMIN_ONLY'
                                | 'DIALER_TAB'
                                | 'DIALER'
                                | 'FLEX_PORT'
                                | 'RECORDING_PORT'
                                | 'INBOUND'
                                | 'FAX'
                                | 'ELF'
                                | 'RECORDING'
                                | 'TOLL_FREE';
                            assigned: boolean;
                        }[];
                        /** @description The admin’s typed first and last name and the accepted terms version (R9.1). */
                        authorization: {
                            firstName: string;
                            lastName: string;
                            termsVersion: string;
                            /** @enum {boolean} */
                            accepted: true;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            users: {
                                id: string;
                                name: string;
                                email: string;
                                active: boolean;
                                licenses: (
                                    | 'CRM'
                                    | 'CRM_VIEW'
                                    | 'ADMIN_ONLY'
                                    | 'DIALER_TAB'
                                    | 'DIALER'
                                    | 'FLEX_PORT'
                                    | 'RECORDING_PORT'
                                    | 'INBOUND'
                                    | 'FAX'
                                    | 'ELF'
                                    | 'RECORDING'
                                    | 'TOLL_FREE'
                                )[];
                                /** @description Licenses whose seat or port the user holds right now (live leases) */
                                inUseNow: (
                                    | 'CRM'
                                    | 'CRM_VIEW'
                                    | 'ADMIN_ONLY'
                                    | 'DIALER_TAB'
                                    | 'DIALER'
                                    | 'FLEX_PORT'
                                    | 'RECORDING_PORT'
                                    | 'INBOUND'
                                    | 'FAX'
                                    | 'ELF'
                                    | 'RECORDING'
                                    | 'TOLL_FREE'
                                )[];
                            }[];
                            available: {
                                /** @enum {string} */
                                code:
                                    | 'CRM'
                                    | 'CRM_VIEW'
                                    | 'ADMIN_ONLY'
                                    | 'DIALER_TAB'
                                    | 'DIALER'
                                    | 'FLEX_PORT'
                                    | 'RECORDING_PORT'
                                    | 'INBOUND'
                                    | 'FAX'
                                    | 'ELF'
                                    | 'RECORDING'
                                    | 'TOLL_FREE';
                                name: string;
                                /** @enum {string} */
                                kind: 'per_user' | 'pooled' | 'feature' | 'count';
                                purchased: number;
                                assigned: number;
                                /** @description Per-user licenses: purchased minus assigned; null for pooled */
                                available: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/quantities/preview': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    'application/json': {
                        quantities: {
                            [key: string]: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            plan: {
                                today: string;
                                nextCycleDate: string;
                                readonly lines: {
                                    /** @enum {string} */
                                    license:
                                        | 'CRM'
                                        | 'CRM_VIEW'
                                        | 'ADMIN_ONLY'
                                        | 'DIALER_TAB'
                                        | 'DIALER'
                                        | 'FLEX_PORT'
                                        | 'RECORDING_PORT'
                                        | 'INBOUND'
                                        | 'FAX'
                                        | 'ELF'
                                        | 'RECORDING'
                                        | 'TOLL_FREE';
                                    name: string;
                                    currentQuantity: number;
                                    newQuantity: number;
                                    added: number;
                                    removed: number;
                                    /** @description Added licenses charged now: those above what this month already paid for (R3.5) */
                                    charged: number;
                                    unitPrice: number;
                                    prorationDays: number;
                                    daysInMonth: number;
                                    chargeNow: number;
                                    monthlyTotal: number;
                                }[];
                                chargeNow: number;
                                previousMonthlyRecurringTotal: number;
                                monthlyRecurringTotal: number;
                                newQuantities: {
                                    [key: string]: number;
                                };
                            } | null;
                            refusals: {
                                code: string;
                                message: string;
                                readonly details?: {
                                    [key: string]: unknown;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/quantities': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Unique per change: a retry with the same key and body returns the first answer (409 with another body). */
                    'Idempotency-Key': string;
                };
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    'application/json': {
                        quantities: {
                            [key: string]: number;
                        };
                        /** @description What the preview showed and the admin authorised; when the service would now charge something else it refuses with quote_changed (409) and the new figures, and charges nothing */
                        quote: {
                            chargeNow: number;
                            monthlyRecurringTotal: number;
                        };
                        /** @description The admin’s typed first and last name and the accepted terms version (R9.1). */
                        authorization: {
                            firstName: string;
                            lastName: string;
                            termsVersion: string;
                            /** @enum {boolean} */
                            accepted: true;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            plan: {
                                today: string;
                                nextCycleDate: string;
                                readonly lines: {
                                    /** @enum {string} */
                                    license:
                                        | 'CRM'
                                        | 'CRM_VIEW'
                                        | 'ADMIN_ONLY'
                                        | 'DIALER_TAB'
                                        | 'DIALER'
                                        | 'FLEX_PORT'
                                        | 'RECORDING_PORT'
                                        | 'INBOUND'
                                        | 'FAX'
                                        | 'ELF'
                                        | 'RECORDING'
                                        | 'TOLL_FREE';
                                    name: string;
                                    currentQuantity: number;
                                    newQuantity: number;
                                    added: number;
                                    removed: number;
                                    /** @description Added licenses charged now: those above what this month already paid for (R3.5) */
                                    charged: number;
                                    unitPrice: number;
                                    prorationDays: number;
                                    daysInMonth: number;
                                    chargeNow: number;
                                    monthlyTotal: number;
                                }[];
                                chargeNow: number;
                                previousMonthlyRecurringTotal: number;
                                monthlyRecurringTotal: number;
                                newQuantities: {
                                    [key: string]: number;
                                };
                            };
                            purchase: {
                                transactionId: string;
                                number: string;
                                totalCents: number;
                                fundingSourceId: string;
                            } | null;
                        };
                    };
                };
                /** @description payment_pending */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/funding-sources': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            fundingSources: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: 'card' | 'bank_account';
                                brand: string;
                                last4: string;
                                expMonth: number | null;
                                expYear: number | null;
                                holderFirstName: string;
                                holderLastName: string;
                                /**
                                 * @description R7.4: primary pays the monthly bill; secondary is the backup
                                 * @enum {string|null}
                                 */
                                role: 'primary' | 'secondary' | null;
                                /** @description R7.3: an expired card is not a valid funding source */
                                expired: boolean;
                                usedForMinuteRecharges: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** @description Add a card or bank account: tokenized by the processor; only token, brand, last4 and expiry are kept. */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Unique per change: a retry with the same key and body returns the first answer (409 with another body). */
                    'Idempotency-Key': string;
                };
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    'application/json': {
                        /** @description The admin’s typed first and last name and the accepted terms version (R9.1). */
                        authorization: {
                            firstName: string;
                            lastName: string;
                            termsVersion: string;
                            /** @enum {boolean} */
                            accepted: true;
                        };
                        source:
                            | {
                                  /** @enum {string} */
                                  kind: 'card';
                                  number: string;
                                  expMonth: number;
                                  expYear: number;
                                  cvc: string;
                                  /** @description First name of the person authorised to use it (R7.1) */
                                  holderFirstName: string;
                                  holderLastName: string;
                              }
                            | {
                                  /** @enum {string} */
                                  kind: 'bank_account';
                                  routingNumber: string;
                                  accountNumber: string;
                                  /** @enum {string} */
                                  accountType: 'checking' | 'savings';
                                  /** @description First name of the person authorised to use it (R7.1) */
                                  holderFirstName: string;
                                  holderLastName: string;
                              };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: 'card' | 'bank_account';
                            brand: string;
                            last4: string;
                            expMonth: number | null;
                            expYear: number | null;
                            holderFirstName: string;
                            holderLastName: string;
                            /**
                             * @description R7.4: primary pays the monthly bill; secondary is the backup
                             * @enum {string|null}
                             */
                            role: 'primary' | 'secondary' | null;
                            /** @description R7.3: an expired card is not a valid funding source */
                            expired: boolean;
                            usedForMinuteRecharges: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/funding-sources/{fundingSourceId}/make-primary': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description R7.4: make this source primary; the old primary takes its place. */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Unique per change: a retry with the same key and body returns the first answer (409 with another body). */
                    'Idempotency-Key': string;
                };
                path: {
                    accountId: string;
                    fundingSourceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    'application/json': {
                        /** @description The admin’s typed first and last name and the accepted terms version (R9.1). */
                        authorization: {
                            firstName: string;
                            lastName: string;
                            termsVersion: string;
                            /** @enum {boolean} */
                            accepted: true;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            fundingSources: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: 'card' | 'bank_account';
                                brand: string;
                                last4: string;
                                expMonth: number | null;
                                expYear: number | null;
                                holderFirstName: string;
                                holderLastName: string;
                                /**
                                 * @description R7.4: primary pays the monthly bill; secondary is the backup
                                 * @enum {string|null}
                                 */
                                role: 'primary' | 'secondary' | null;
                                /** @description R7.3: an expired card is not a valid funding source */
                                expired: boolean;
                                usedForMinuteRecharges: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/funding-sources/{fundingSourceId}/remove': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description R7.3: remove a source; refused (last_valid_source) for the last valid one. */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Unique per change: a retry with the same key and body returns the first answer (409 with another body). */
                    'Idempotency-Key': string;
                };
                path: {
                    accountId: string;
                    fundingSourceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    'application/json': {
                        /** @description The admin’s typed first and last name and the accepted terms version (R9.1). */
                        authorization: {
                            firstName: string;
                            lastName: string;
                            termsVersion: string;
                            /** @enum {boolean} */
                            accepted: true;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            fundingSources: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: 'card' | 'bank_account';
                                brand: string;
                                last4: string;
                                expMonth: number | null;
                                expYear: number | null;
                                holderFirstName: string;
                                holderLastName: string;
                                /**
                                 * @description R7.4: primary pays the monthly bill; secondary is the backup
                                 * @enum {string|null}
                                 */
                                role: 'primary' | 'secondary' | null;
                                /** @description R7.3: an expired card is not a valid funding source */
                                expired: boolean;
                                usedForMinuteRecharges: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/recharge-source': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** @description R7.4: the funding source that pays for dialer minutes. */
        put: {
            parameters: {
                query?: never;
                header: {
                    /** @description Unique per change: a retry with the same key and body returns the first answer (409 with another body). */
                    'Idempotency-Key': string;
                };
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    'application/json': {
                        /** @description The admin’s typed first and last name and the accepted terms version (R9.1). */
                        authorization: {
                            firstName: string;
                            lastName: string;
                            termsVersion: string;
                            /** @enum {boolean} */
                            accepted: true;
                        };
                        /** Format: uuid */
                        fundingSourceId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            fundingSources: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: 'card' | 'bank_account';
                                brand: string;
                                last4: string;
                                expMonth: number | null;
                                expYear: number | null;
                                holderFirstName: string;
                                holderLastName: string;
                                /**
                                 * @description R7.4: primary pays the monthly bill; secondary is the backup
                                 * @enum {string|null}
                                 */
                                role: 'primary' | 'secondary' | null;
                                /** @description R7.3: an expired card is not a valid funding source */
                                expired: boolean;
                                usedForMinuteRecharges: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/minutes': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            balanceCents: number;
                            /** @description R5.1: balance ÷ $0.02 */
                            minutes: number;
                            recharge: {
                                enabled: boolean;
                                windowFirstDay: string;
                                windowLastDay: string;
                                /** @description Usage over the 30 days before today */
                                usageCents: number;
                                dailyAverageCents: number;
                                /** @description R5.3: daily average × 14 */
                                rechargeAmountCents: number;
                                /** @description R5.3: daily average × 7 (minimum reserve) */
                                thresholdCents: number;
                            };
                            /**
                             * Format: uuid
                             * @description null: the primary funding source pays
                             */
                            rechargeFundingSourceId: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/minutes/usage': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    days?: number;
                };
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            days: {
                                date: string;
                                callSeconds: number;
                                smsCount: number;
                                amountCents: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/minutes/purchases': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description R5.2: buy minutes (at least $100.00); the balance shows them at once. */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Unique per change: a retry with the same key and body returns the first answer (409 with another body). */
                    'Idempotency-Key': string;
                };
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    'application/json': {
                        /** @description The admin’s typed first and last name and the accepted terms version (R9.1). */
                        authorization: {
                            firstName: string;
                            lastName: string;
                            termsVersion: string;
                            /** @enum {boolean} */
                            accepted: true;
                        };
                        amountCents: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            transactionNumber: string;
                            totalCents: number;
                            balanceCents: number;
                            minutes: number;
                        };
                    };
                };
                /** @description payment_pending */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/minutes/recharge': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description R5.3: the computed recharge amount and threshold, before turning it on. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            enabled: boolean;
                            windowFirstDay: string;
                            windowLastDay: string;
                            /** @description Usage over the 30 days before today */
                            usageCents: number;
                            dailyAverageCents: number;
                            /** @description R5.3: daily average × 14 */
                            rechargeAmountCents: number;
                            /** @description R5.3: daily average × 7 (minimum reserve) */
                            thresholdCents: number;
                        };
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header: {
                    /** @description Unique per change: a retry with the same key and body returns the first answer (409 with another body). */
                    'Idempotency-Key': string;
                };
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    'application/json': {
                        /** @description The admin’s typed first and last name and the accepted terms version (R9.1). */
                        authorization: {
                            firstName: string;
                            lastName: string;
                            termsVersion: string;
                            /** @enum {boolean} */
                            accepted: true;
                        };
                        enabled: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            enabled: boolean;
                            windowFirstDay: string;
                            windowLastDay: string;
                            /** @description Usage over the 30 days before today */
                            usageCents: number;
                            dailyAverageCents: number;
                            /** @description R5.3: daily average × 14 */
                            rechargeAmountCents: number;
                            /** @description R5.3: daily average × 7 (minimum reserve) */
                            thresholdCents: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/transactions': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description R8.2: transactions in a date range (account time zone, both days included) and totals per kind. */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    kind?: 'licenses' | 'minutes' | 'services' | 'storage' | 'credits';
                    /** @description nextCursor of the page before */
                    cursor?: string;
                    /** @description Transactions per page (default 50) */
                    limit?: number;
                };
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            /** @description the first day listed (the default range when not asked: core DEFAULT_RANGE_DAYS) */
                            from: string;
                            /** @description the last day listed */
                            to: string;
                            transactions: {
                                /** @description TRX number, e.g. TRX-000123 */
                                number: string;
                                /** @description ISO 8601 instant */
                                at: string;
                                /** @enum {string} */
                                kind:
                                    | 'licenses'
                                    | 'minutes'
                                    | 'services'
                                    | 'storage'
                                    | 'cycle'
                                    | 'refund'
                                    | 'credit';
                                /** @enum {string} */
                                status: 'pending' | 'succeeded' | 'failed';
                                totalCents: number;
                                fundingSource: {
                                    /** @enum {string} */
                                    kind: 'card' | 'bank_account';
                                    brand: string;
                                    last4: string;
                                } | null;
                                declineMessage: string | null;
                            }[];
                            totals: {
                                licenses: number;
                                minutes: number;
                                services: number;
                                storage: number;
                                credits: number;
                            };
                            /** @description pass as cursor for the next page; null on the last */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/transactions/{number}': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            /** @description TRX number, e.g. TRX-000123 */
                            number: string;
                            /** @description ISO 8601 instant */
                            at: string;
                            /** @enum {string} */
                            kind:
                                | 'licenses'
                                | 'minutes'
                                | 'services'
                                | 'storage'
                                | 'cycle'
                                | 'refund'
                                | 'credit';
                            /** @enum {string} */
                            status: 'pending' | 'succeeded' | 'failed';
                            totalCents: number;
                            fundingSource: {
                                /** @enum {string} */
                                kind: 'card' | 'bank_account';
                                brand: string;
                                last4: string;
                            } | null;
                            declineMessage: string | null;
                            /** Format: uuid */
                            id: string;
                            account: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                timeZone: string;
                                companyName: string;
                            };
                            lines: {
                                lineNumber: number;
                                productCode: string;
                                description: string;
                                quantity: number;
                                unitPriceCents: number;
                                prorationDays: {
                                    days: number;
                                    daysInMonth: number;
                                } | null;
                                amountCents: number;
                                /** @enum {string} */
                                kind: 'licenses' | 'minutes' | 'services' | 'storage' | 'credits';
                            }[];
                            /** @description Refunds of this payment, each a transaction of its own (issue 14) */
                            refunds: {
                                number: string;
                                amountCents: number;
                                at: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/transactions/{number}/receipt.html': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description R8.3: printable receipt. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/transactions/{number}/receipt.pdf': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description R8.3: the receipt as a PDF. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/transactions/{number}/email': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description R8.3: e-mail the receipt (PDF attached). */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Unique per change: a retry with the same key and body returns the first answer (409 with another body). */
                    'Idempotency-Key': string;
                };
                path: {
                    accountId: string;
                    number: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    'application/json': {
                        /** @description The admin’s typed first and last name and the accepted terms version (R9.1). */
                        authorization: {
                            firstName: string;
                            lastName: string;
                            termsVersion: string;
                            /** @enum {boolean} */
                            accepted: true;
                        };
                        /** Format: email */
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            /** @enum {boolean} */
                            sent: true;
                            sentTo: string;
                            sentAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/services': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            services: {
                                /** @enum {string} */
                                code:
                                    | 'IMPLEMENTATION_QUICK_START'
                                    | 'IMPLEMENTATION_STANDARD'
                                    | 'IMPLEMENTATION_ENTERPRISE'
                                    | 'TRAINING'
                                    | 'CONSULTING'
                                    | 'CONTRACT_ADJUSTMENT';
                                name: string;
                                description: string;
                                purchasableInPanel: boolean;
                                priceCents: number | null;
                            }[];
                            purchases: {
                                id: string;
                                service: string;
                                name: string;
                                quantity: number;
                                amountCents: number;
                                at: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/services/purchases': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Unique per change: a retry with the same key and body returns the first answer (409 with another body). */
                    'Idempotency-Key': string;
                };
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    'application/json': {
                        /** @enum {string} */
                        service:
                            | 'IMPLEMENTATION_QUICK_START'
                            | 'IMPLEMENTATION_STANDARD'
                            | 'IMPLEMENTATION_ENTERPRISE'
                            | 'TRAINING'
                            | 'CONSULTING'
                            | 'CONTRACT_ADJUSTMENT';
                        /** @default 1 */
                        quantity?: number;
                        /** @description The admin’s typed first and last name and the accepted terms version (R9.1). */
                        authorization: {
                            firstName: string;
                            lastName: string;
                            termsVersion: string;
                            /** @enum {boolean} */
                            accepted: true;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            purchase: {
                                id: string;
                                service: string;
                                name: string;
                                quantity: number;
                                amountCents: number;
                                at: string;
                            };
                            transaction: {
                                transactionId: string;
                                number: string;
                                totalCents: number;
                                fundingSourceId: string;
                            };
                        };
                    };
                };
                /** @description payment_pending */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/accounts/{accountId}/storage': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            measuredOn: string | null;
                            users: number;
                            allowanceBytes: number;
                            usageBytes: number;
                            overAllowance: boolean;
                            billedGigabytes: number;
                            /** @description Monthly storage fee in cents (R6.2) */
                            fee: number;
                            feeCoversUpToBytes: number | null;
                            byKind: {
                                records: number;
                                filesAndRecordings: number;
                                dataLists: number;
                            };
                            readonly waysToLower: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    '/api/v1/users': {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        'application/json': {
                            users: {
                                id: string;
                                name: string;
                                email: string;
                                active: boolean;
                                isAdmin: boolean;
                                licenses: {
                                    accountId: string;
                                    accountName: string;
                                    /** @enum {string} */
                                    license:
                                        | 'CRM'
                                        | 'CRM_VIEW'
                                        | 'ADMIN_ONLY'
                                        | 'DIALER_TAB'
                                        | 'DIALER'
                                        | 'FLEX_PORT'
                                        | 'RECORDING_PORT'
                                        | 'INBOUND'
                                        | 'FAX'
                                        | 'ELF'
                                        | 'RECORDING'
                                        | 'TOLL_FREE';
                                    name: string;
                                }[];
                                /** @description Deactivated but still holding paid licenses (R2.7) */
                                inactiveHoldingLicenses: boolean;
                            }[];
                            inactiveHolders: number;
                            licensesHeldByInactiveUsers: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

/** Every error code the service answers with (the `code` of its `{ code, message }` body). */
export const ERROR_CODES = [
    'account_cancelled',
    'account_cancelling',
    'account_number_invalid',
    'authorization_required',
    'card_expired',
    'card_expiry_invalid',
    'card_number_invalid',
    'crm_view_exclusive',
    'cvc_invalid',
    'email_failed',
    'funding_source_expired',
    'holder_name_required',
    'idempotency_key_required',
    'idempotency_key_reused',
    'idempotency_request_in_progress',
    'internal_error',
    'invalid_amount',
    'invalid_input',
    'invalid_purchase',
    'invalid_quantity',
    'invalid_request',
    'invalid_salesforce_id',
    'last_valid_source',
    'license_floor',
    'license_not_purchased',
    'malformed_json',
    'minimum_purchase',
    'missing_prerequisite',
    'no_funding_source',
    'not_an_admin',
    'not_assignable',
    'not_authenticated',
    'not_found',
    'not_permitted',
    'nothing_to_change',
    'org_not_registered',
    'payload_too_large',
    'payment_declined',
    'payment_pending',
    'per_user_limit',
    'pool_exhausted',
    'prerequisite_in_use',
    'price_missing',
    'purchase_key_reused',
    'quantity_below_holders',
    'quote_changed',
    'routing_number_invalid',
    'salesforce_not_connected',
    'salesforce_unavailable',
    'service_busy',
    'service_rep_only',
    'terms_version_outdated',
    'token_expired',
    'token_invalid',
    'token_missing',
    'token_not_yet_valid',
    'token_replayed',
    'token_wrong_audience',
    'unknown_license',
    'unknown_service',
    'unknown_user',
    'unsupported_media_type',
    'user_inactive',
    'wrong_credentials'
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
