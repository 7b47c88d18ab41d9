// Typings for the platform modules the components import. On Salesforce the platform provides
// them; in jest they are sfdx-lwc-jest stubs or force-app/test/jest-mocks; in the preview, the
// stand-ins in preview/src/stubs.

declare module '@salesforce/apex/BillingServiceProxy.send' {
    /** Forwards one request to the billing service and returns its JSON answer as a string. */
    export default function send(params: {
        method: string;
        path: string;
        body: string | null;
        idempotencyKey: string | null;
    }): Promise<string>;
}

declare module '@salesforce/messageChannel/BillingRefresh__c' {
    const channel: unknown;
    export default channel;
}

declare module 'lightning/platformShowToastEvent' {
    export class ShowToastEvent extends CustomEvent<unknown> {
        constructor(toast: {
            title: string;
            message?: string;
            variant?: 'info' | 'success' | 'warning' | 'error';
        });
    }
}

declare module 'lightning/messageService' {
    export interface Subscription {
        readonly __subscription: unique symbol;
    }
    export const MessageContext: never;
    export function publish(context: unknown, channel: unknown, message?: unknown): void;
    export function subscribe(
        context: unknown,
        channel: unknown,
        listener: (message: unknown) => void
    ): Subscription;
    export function unsubscribe(subscription: Subscription): void;
}

declare module 'lightning/modal' {
    import { LightningElement } from 'lwc';
    export default class LightningModal extends LightningElement {
        static open<T = unknown>(options: Record<string, unknown>): Promise<T>;
        close(result?: unknown): void;
    }
}
