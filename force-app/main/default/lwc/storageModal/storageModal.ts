import BillingModal from 'c/billingModal';
import { getStorage, type Storage } from 'c/billingApi';
import { settle } from 'c/billingErrors';
import { formatCents, formatMegabytes } from 'c/billingFormat';

/** View Storage (R6.3): usage by kind, the allowance, the monthly fee, and how to lower it. */
export default class StorageModal extends BillingModal {
    storage: Storage | undefined;
    storageError: unknown;

    async connectedCallback(): Promise<void> {
        ({ data: this.storage, error: this.storageError } = await settle(getStorage(this.accountId)));
    }

    /** The usage is on its way: a spinner, not an empty dialog. */
    get loading(): boolean {
        return this.storage === undefined && this.storageError === undefined;
    }

    get storageRows() {
        const byKind = this.storage?.byKind;
        if (!byKind) return [];
        return [
            { kind: 'Records', size: formatMegabytes(byKind.records) },
            { kind: 'Files and call recordings', size: formatMegabytes(byKind.filesAndRecordings) },
            { kind: 'Data lists', size: formatMegabytes(byKind.dataLists) }
        ];
    }

    get storageTotal(): string {
        return formatMegabytes(this.storage?.usageBytes ?? 0);
    }

    get storageAllowance(): string {
        return formatMegabytes(this.storage?.allowanceBytes ?? 0);
    }

    get storageFee(): string {
        return formatCents(this.storage?.fee ?? 0);
    }
}
