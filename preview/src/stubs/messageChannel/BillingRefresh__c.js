export default { channel: 'BillingRefresh__c' };
