import { api } from 'lwc';
import BillingPanel from 'c/billingPanel';
import {
    applyQuantities,
    changeAssignments,
    getAssignments,
    getLicenses,
    getServices,
    getStorage,
    newIdempotencyKey,
    previewQuantities,
    purchaseService,
    type AssignmentChange,
    type Assignments,
    type LicenseAvailability,
    type Licenses,
    type QuantityPreview,
    type Service,
    type Storage
} from 'c/billingApi';
import { formatCents, formatDate, formatMegabytes, formatNumber } from 'c/billingFormat';

type Mode = 'none' | 'assign' | 'purchase' | 'services' | 'storage';

const LICENSE_COLUMNS = [
    { label: 'License', fieldName: 'name', wrapText: true },
    { label: 'Purchased', fieldName: 'purchased', type: 'number' },
    { label: 'Assigned', fieldName: 'assigned', type: 'number' },
    { label: 'In use now', fieldName: 'inUse', type: 'number' },
    { label: 'Price', fieldName: 'price' },
    { label: 'Total', fieldName: 'total' },
    { label: 'Inactive holders', fieldName: 'inactiveFlag', wrapText: true }
].map((column) => ({ ...column, hideDefaultActions: true }));

export default class ProductsPanel extends BillingPanel {
    /** Shown in the card header; defaults to "Products". */
    @api title = 'Products';

    licenseColumns = LICENSE_COLUMNS;
    licenses: Licenses | undefined;
    error: unknown;
    mode: Mode = 'none';

    assignments: Assignments | undefined;
    assignmentsError: unknown;
    /** userId|license → wanted state, only for boxes the admin changed. */
    assignmentEdits: Record<string, boolean> = {};

    quantities: Record<string, number> = {};
    quantityPreview: QuantityPreview | undefined;
    quantityPreviewError: unknown;

    services: Service[] | undefined;
    servicesError: unknown;
    selectedService = '';

    storage: Storage | undefined;
    storageError: unknown;

    async load(): Promise<void> {
        if (!this.accountId) return;
        try {
            this.licenses = await getLicenses(this.accountId);
            this.error = undefined;
        } catch (error) {
            this.licenses = undefined;
            this.error = error;
        }
        if (this.mode === 'assign') await this.loadAssignments();
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

    get wastedLicenses(): boolean {
        return (this.licenses?.licenses ?? []).some((license) => license.heldByInactiveUsers > 0);
    }

    get isAssign(): boolean {
        return this.mode === 'assign';
    }
    get isPurchase(): boolean {
        return this.mode === 'purchase';
    }
    get isServices(): boolean {
        return this.mode === 'services';
    }
    get isStorage(): boolean {
        return this.mode === 'storage';
    }

    async handleAssignClick(): Promise<void> {
        this.openMode('assign');
        this.assignmentEdits = {};
        await this.loadAssignments();
    }

    handlePurchaseClick(): void {
        this.openMode('purchase');
        this.quantities = Object.fromEntries(
            (this.licenses?.licenses ?? []).map((l) => [l.code, l.purchased])
        );
        this.quantityPreview = undefined;
        this.quantityPreviewError = undefined;
    }

    async handleServicesClick(): Promise<void> {
        this.openMode('services');
        try {
            this.services = (await getServices(this.accountId)).services;
            this.servicesError = undefined;
        } catch (error) {
            this.servicesError = error;
        }
    }

    async handleStorageClick(): Promise<void> {
        this.openMode('storage');
        try {
            this.storage = await getStorage(this.accountId);
            this.storageError = undefined;
        } catch (error) {
            this.storageError = error;
        }
    }

    handleCloseMode(): void {
        this.openMode('none');
    }

    private openMode(mode: Mode): void {
        this.mode = mode;
        this.pending = null;
        this.changeError = undefined;
    }

    private async loadAssignments(): Promise<void> {
        try {
            this.assignments = await getAssignments(this.accountId);
            this.assignmentsError = undefined;
        } catch (error) {
            this.assignmentsError = error;
        }
    }

    // ---- Assign licenses: users × licenses

    /** Licenses held by users: per-user and pooled (company features and counts are not). */
    get assignableLicenses(): LicenseAvailability[] {
        return (this.assignments?.available ?? []).filter(
            (license) => license.kind === 'per_user' || license.kind === 'pooled'
        );
    }

    get assignmentHeaders() {
        return this.assignableLicenses.map((license) => ({
            code: license.code,
            label:
                license.available === null
                    ? `${license.name} (pool of ${formatNumber(license.purchased)})`
                    : `${license.name} (${formatNumber(license.available)} available)`
        }));
    }

    get assignmentRows() {
        return (this.assignments?.users ?? []).map((user) => ({
            userId: user.id,
            name: user.active ? user.name : `${user.name} (inactive)`,
            cells: this.assignableLicenses.map((license) => {
                const key = `${user.id}|${license.code}`;
                return {
                    key,
                    license: license.code,
                    label: `${license.name} for ${user.name}`,
                    checked: this.assignmentEdits[key] ?? user.licenses.includes(license.code)
                };
            })
        }));
    }

    get assignmentChanges(): AssignmentChange[] {
        const held = new Map((this.assignments?.users ?? []).map((user) => [user.id, user.licenses]));
        const codes = new Map<string, AssignmentChange['license']>(
            (this.assignments?.available ?? []).map((license) => [license.code, license.code])
        );
        return Object.entries(this.assignmentEdits)
            .flatMap(([key, assigned]) => {
                const [userId = '', code = ''] = key.split('|');
                const license = codes.get(code);
                return license ? [{ userId, license, assigned }] : [];
            })
            .filter((change) => (held.get(change.userId) ?? []).includes(change.license) !== change.assigned);
    }

    get noAssignmentChanges(): boolean {
        return this.assignmentChanges.length === 0;
    }

    handleAssignmentToggle(event: CustomEvent<{ checked: boolean }>): void {
        const key = (event.target as HTMLElement).dataset.key ?? '';
        this.assignmentEdits = { ...this.assignmentEdits, [key]: event.detail.checked };
    }

    handleReviewAssignments(): void {
        const changes = this.assignmentChanges;
        const names = new Map((this.assignments?.users ?? []).map((user) => [user.id, user.name]));
        const summary = changes
            .map(
                (c) =>
                    `${c.assigned ? 'assign' : 'remove'} ${c.license} ${c.assigned ? 'to' : 'from'} ${names.get(c.userId) ?? c.userId}`
            )
            .join('; ');
        this.startChange(`License assignments: ${summary}`, async (authorization, key) => {
            this.assignments = await changeAssignments(this.accountId, changes, authorization, key);
            this.assignmentEdits = {};
        });
    }

    // ---- Purchase licenses: steppers, floors, preview before accepting

    get quantityRows() {
        return (this.licenses?.licenses ?? []).map((license) => ({
            code: license.code,
            label: `${license.name} (now ${formatNumber(license.purchased)}, floor ${formatNumber(license.floor)})`,
            floor: license.floor,
            value: this.quantities[license.code] ?? license.purchased
        }));
    }

    get changedQuantities(): Record<string, number> {
        const current = new Map<string, number>(
            (this.licenses?.licenses ?? []).map((l) => [l.code, l.purchased])
        );
        return Object.fromEntries(
            Object.entries(this.quantities).filter(([code, qty]) => current.get(code) !== qty)
        );
    }

    get noQuantityChanges(): boolean {
        return Object.keys(this.changedQuantities).length === 0;
    }

    get previewLines() {
        return (this.quantityPreview?.plan?.lines ?? []).map((line) => ({
            code: line.license,
            description: `${line.name}: ${formatNumber(line.currentQuantity)} → ${formatNumber(line.newQuantity)}`,
            proration:
                line.added > 0
                    ? `${line.prorationDays} of ${line.daysInMonth} days`
                    : 'no credit; billed lower from the next cycle',
            chargeNow: formatCents(line.chargeNow)
        }));
    }

    get previewChargeNow(): string {
        return formatCents(this.quantityPreview?.plan?.chargeNow ?? 0);
    }

    get previewMonthlyTotal(): string {
        return formatCents(this.quantityPreview?.plan?.monthlyRecurringTotal ?? 0);
    }

    get previewRefused(): boolean {
        return (this.quantityPreview?.refusals.length ?? 0) > 0;
    }

    get previewRefusals(): string[] {
        return (this.quantityPreview?.refusals ?? []).map((refusal) => refusal.message);
    }

    get cannotBuy(): boolean {
        return !this.quantityPreview?.plan || this.previewRefused || this.noQuantityChanges;
    }

    handleQuantityChange(event: CustomEvent<{ value: string }>): void {
        const code = (event.target as HTMLElement).dataset.code ?? '';
        const value = Number(event.detail.value);
        if (!Number.isInteger(value)) return;
        this.quantities = { ...this.quantities, [code]: value };
        this.quantityPreview = undefined;
        this.pending = null;
    }

    async handlePreviewQuantities(): Promise<void> {
        try {
            this.quantityPreview = await previewQuantities(
                this.accountId,
                this.changedQuantities,
                newIdempotencyKey()
            );
            this.quantityPreviewError = undefined;
        } catch (error) {
            this.quantityPreview = undefined;
            this.quantityPreviewError = error;
        }
    }

    handleBuyLicenses(): void {
        const quantities = this.changedQuantities;
        const lines = this.previewLines.map((line) => line.description).join(', ');
        this.startChange(
            `Change licenses ${lines}; charge now ${this.previewChargeNow}; new monthly total ${this.previewMonthlyTotal}`,
            async (authorization, key) => {
                await applyQuantities(this.accountId, quantities, authorization, key);
                this.quantityPreview = undefined;
            }
        );
    }

    // ---- Purchase services (implementation types only, R7.5)

    get serviceOptions() {
        return (this.services ?? [])
            .filter((service) => service.purchasableInPanel && service.priceCents !== null)
            .map((service) => ({
                label: `${service.name} (${formatCents(service.priceCents ?? 0)})`,
                value: service.code
            }));
    }

    get noServiceSelected(): boolean {
        return !this.selectedService;
    }

    handleServiceChange(event: CustomEvent<{ value: string }>): void {
        this.selectedService = event.detail.value;
    }

    handleBuyService(): void {
        const service = (this.services ?? []).find((s) => s.code === this.selectedService);
        if (!service) return;
        this.startChange(
            `Buy ${service.name} for ${formatCents(service.priceCents ?? 0)}`,
            async (authorization, key) => {
                await purchaseService(this.accountId, service.code, authorization, key);
                this.selectedService = '';
            }
        );
    }

    // ---- View storage (R6.3)

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
