import BillingModal from 'c/billingModal';
import { getServices, purchaseService, type Service } from 'c/billingApi';
import { settle } from 'c/billingErrors';
import { formatCents } from 'c/billingFormat';

/** Purchase Services (R7.5): the implementation services the panel may sell, bought after Accept. */
export default class PurchaseServicesModal extends BillingModal {
    services: Service[] | undefined;
    servicesError: unknown;
    selectedService = '';

    async connectedCallback(): Promise<void> {
        const answer = await settle(getServices(this.accountId));
        this.services = answer.data?.services;
        this.servicesError = answer.error;
    }

    /** R7.5: only implementation types, at a fixed price, are bought in the panel. */
    private get purchasable(): Service[] {
        return (this.services ?? []).filter(
            (service) => service.purchasableInPanel && service.priceCents !== null
        );
    }

    get serviceRows() {
        return this.purchasable.map((service) => ({
            code: service.code,
            name: service.name,
            price: formatCents(service.priceCents ?? 0),
            description: service.description
        }));
    }

    get serviceOptions() {
        return this.purchasable.map((service) => ({
            label: `${service.name} (${formatCents(service.priceCents ?? 0)})`,
            value: service.code
        }));
    }

    /** R7.5: the services a representative adds (training, consulting, ...), named from the catalog. */
    get representativeServices(): string {
        return (this.services ?? [])
            .filter((service) => !service.purchasableInPanel)
            .map((service) => service.name)
            .join(', ');
    }

    get noServiceSelected(): boolean {
        return !this.selectedService;
    }

    handleServiceChange(event: CustomEvent<{ value: string }>): void {
        this.selectedService = event.detail.value;
        this.pending = null;
    }

    handleBuyService(): void {
        const service = (this.services ?? []).find((s) => s.code === this.selectedService);
        if (!service) return;
        this.startChange(
            `Buy ${service.name} for ${formatCents(service.priceCents ?? 0)}`,
            (authorization, key) => purchaseService(this.accountId, service.code, authorization, key)
        );
    }
}
