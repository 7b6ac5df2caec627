// jest loads globalSetup without the ts-jest transform; tsx's require hook loads the TypeScript.
require('tsx/cjs');
module.exports = require('./global-setup.impl.ts').default;
