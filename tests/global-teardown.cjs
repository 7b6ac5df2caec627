require('tsx/cjs');
module.exports = require('./global-teardown.impl.ts').default;
