/**
 * The jest environment of every project: Node's, plus the leak check of
 * tests/setup/open-handles.ts. After a test file's last hook has run (jest-circus's `run_finish`
 * event) it asks what the file left open; anything open fails the file with where it was opened.
 * A file that leaks a pool, a Redis connection or a worker fails here instead of keeping jest
 * alive or slowing the next file.
 */
const { TestEnvironment } = require('jest-environment-node');

class LeakCheckingEnvironment extends TestEnvironment {
  async handleTestEvent(event, state) {
    if (event.name !== 'run_finish') return;
    const stillOpen = this.global.__pkStillOpen;
    if (typeof stillOpen !== 'function') return;
    const open = await stillOpen();
    if (open.length > 0) {
      state.unhandledErrors.push(
        new Error(
          `the test file left ${open.length} handle(s) open; close them in afterAll (pool.end(), closeDb(), closeRedis(), worker.close()):\n  ${open.join('\n  ')}`,
        ),
      );
    }
  }
}

module.exports = LeakCheckingEnvironment;
