// Entry file of the Knox worker thread (server/analysis/knox-worker.ts). A worker thread starts
// with plain Node: neither ts-jest (tests) nor the tsx that runs server and CLI reaches it, so
// it registers tsx's require hook itself, as tests/global-setup.cjs does, then loads the
// TypeScript. Registering twice (under tsx) is harmless.
require('tsx/cjs');
require('./knox-worker.thread.ts');
