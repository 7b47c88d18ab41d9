/* Placeholder until the service exists: prints the demo account's bill as core/ computes it. */
console.log('PowerDialer Billing: the service is not built yet.');
