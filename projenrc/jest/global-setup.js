// jest globalSetup of every package: see temp-guard.js.
module.exports = require('./temp-guard').setup;
