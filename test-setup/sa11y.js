const { setup } = require('@sa11y/jest');

setup();
