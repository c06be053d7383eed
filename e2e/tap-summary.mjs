// A Playwright reporter that ends the run with node:test's TAP closing lines,
// which scripts/test.sh counts (count_tests):
//   # tests N / # pass N / # fail N / # skipped N
// A test that passed only on a retry counts as passed and is also named
// under "# flaky N". Errors outside any test (a fixture of a worker, the
// config) fail the run through the exit code, and are counted under "# errors N".
export default class TapSummary {
  constructor() {
    this.errors = 0;
  }

  onBegin(config, suite) {
    this.suite = suite;
  }

  onError() {
    this.errors += 1;
  }

  onEnd(result) {
    if (process.argv.includes('--list')) return; // nothing ran
    const n = { expected: 0, unexpected: 0, flaky: 0, skipped: 0 };
    const flaky = [];
    for (const t of this.suite.allTests()) {
      const o = t.outcome();
      n[o] += 1;
      if (o === 'flaky') flaky.push(t.titlePath().filter(Boolean).join(' › '));
    }
    const lines = [
      `# tests ${n.expected + n.unexpected + n.flaky + n.skipped}`,
      `# pass ${n.expected + n.flaky}`,
      `# fail ${n.unexpected}`,
      `# skipped ${n.skipped}`,
    ];
    if (n.flaky > 0) lines.push(`# flaky ${n.flaky}`, ...flaky.map((f) => `#   ${f}`));
    if (this.errors > 0) lines.push(`# errors ${this.errors}`);
    lines.push(`# status ${result.status}`);
    console.log(lines.join('\n'));
  }

  printsToStdio() {
    return true;
  }
}
