/**
 * The rules the panels check before an authorization opens, bundled by `npm run build` into the
 * LWC module `c/billingRules` (scripts/buildPanelRules.ts). Only zod-free files belong here: the
 * bundle must stay small enough for a Lightning page (a test holds it under its budget).
 */
export * from './funding/fundingInputRules';
export * from './funding/fundingSourceRemoval';
export * from './contact/emailAddress';
export * from './licenses/validateAssignmentChanges';
export { LICENSE_CATALOG } from './catalog/licenseCatalog';
export type { LicenseCode, LicenseDefinition, LicenseKind } from './catalog/licenseCatalog';
export type { Assignment, AssignmentChange } from './licenses/schemas';
export type { BillingError, Result } from './errors';
export * from './minutes/manualPurchase';
export * from './ports/erlangB';
export * from './ports/planFlexPorts';
export type { FlexPortPlanInput } from './ports/flexPortPlanInput';
