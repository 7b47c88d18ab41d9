import { api } from 'lwc';
import BillingPanelBase from 'c/billingPanelBase';
import AssignLicensesModal from 'c/assignLicensesModal';
import PurchaseLicensesModal from 'c/purchaseLicensesModal';
import PurchaseServicesModal from 'c/purchaseServicesModal';
import StorageModal from 'c/storageModal';
import { getLicenses, type Licenses } from 'c/billingApi';
import { settle } from 'c/billingErrors';
import { formatCents, formatDate } from 'c/billingFormat';

const LICENSE_COLUMNS = [
    { label: 'License', fieldName: 'name', wrapText: true },
    { label: 'Purchased', fieldName: 'purchased', type: 'number' },
    { label: 'Assigned', fieldName: 'assigned', type: 'number' },
    { label: 'In use now', fieldName: 'inUse', type: 'number' },
    { label: 'Locked out (30 days)', fieldName: 'refusals30Days', type: 'number' },
    { label: 'Price', fieldName: 'price' },
    { label: 'Total', fieldName: 'total' },
    { label: 'Inactive holders', fieldName: 'inactiveFlag', wrapText: true }
].map((column) => ({ ...column, hideDefaultActions: true }));

export default class ProductsPanel extends BillingPanelBase {
    /** Shown in the card header; defaults to "Products". */
    @api title = 'Products';

    licenseColumns = LICENSE_COLUMNS;
    licenses: Licenses | undefined;
    error: unknown;

    async load(): Promise<void> {
        if (!this.accountId) return;
        const current = this.currentLoad();
        const answer = await settle(getLicenses(this.accountId));
        if (!current()) return;
        ({ data: this.licenses, error: this.error } = answer);
    }

    get licenseRows() {
        return (this.licenses?.licenses ?? []).map((license) => ({
            ...license,
            price: formatCents(license.unitPriceCents),
            total: formatCents(license.lineTotalCents),
            inactiveFlag:
                license.heldByInactiveUsers > 0 ? `${license.heldByInactiveUsers} held by inactive users` : ''
        }));
    }

    get monthlyTotal(): string {
        return formatCents(this.licenses?.recurringTotalCents ?? 0);
    }

    get termEnd(): string {
        return formatDate(this.licenses?.contract?.end);
    }

    get hasTerm(): boolean {
        return Boolean(this.licenses?.contract);
    }

    /** TOLL_FREE numbers hooked up by a service representative, e.g. "+18005550199, +18885550100". */
    get tollFreeNumbers(): string {
        return (this.licenses?.tollFreeLines ?? []).map((line) => line.phoneNumber).join(', ');
    }

    get wastedLicenses(): boolean {
        return (this.licenses?.licenses ?? []).some((license) => license.heldByInactiveUsers > 0);
    }

    handleAssignClick(): Promise<void> {
        return this.openDialog(AssignLicensesModal, { size: 'large', label: 'Assign Licenses' });
    }

    handlePurchaseClick(): Promise<void> {
        return this.openDialog(PurchaseLicensesModal, {
            size: 'medium',
            label: 'Purchase Product Licenses',
            licenses: this.licenses
        });
    }

    handleServicesClick(): Promise<void> {
        return this.openDialog(PurchaseServicesModal, { size: 'small', label: 'Purchase Services' });
    }

    handleStorageClick(): Promise<void> {
        return this.openDialog(StorageModal, { size: 'small', label: 'Storage' });
    }
}
