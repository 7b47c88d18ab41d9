/** The billing rules of PowerDialer Billing: pure computation, no I/O, no clock reads. */
export * from './errors';

export * from './money/cents';
export * from './money/roundHalfUp';
export * from './money/formatUsd';
export * from './money/parseUsd';

export * from './calendar/calendarDate';
export * from './calendar/dateRange';

export * from './catalog/licenses';
export * from './catalog/implementationServices';

export * from './licenses/schemas';
export * from './licenses/validateAssignmentChanges';
export * from './licenses/checkPoolCapacity';
export * from './licenses/choosePort';
export * from './licenses/checkDialerAccess';
export * from './licenses/auditLicenseCoverage';
export * from './licenses/monthlyRecurring';
export * from './licenses/planQuantityChange';
export * from './licenses/checkQuote';

export * from './proration/prorate';

export * from './cycle/cyclePeriod';
export * from './cycle/computeCycleCharge';

export * from './storage/storageFee';
export * from './storage/storageReport';

export * from './minutes/minuteRate';
export * from './minutes/rateUsage';
export * from './minutes/manualPurchase';
export * from './minutes/computeRechargePlan';
export * from './minutes/authorizeCall';

export * from './ports/erlangB';
export * from './ports/flexPortPlanInput';
export * from './ports/planFlexPorts';

export * from './funding/fundingInputRules';
export * from './funding/fundingSourceRemoval';
export * from './contact/emailAddress';

export * from './contract/contract';
export * from './contract/planCancellation';
