// Turns vitest's JSON report into the closing line CI reads: `N passed, N failed[, N skipped]`.

export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

interface JsonReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: Array<{ status?: string; assertionResults?: Array<{ status?: string }> }>;
}

/**
 * Counts tests in a vitest JSON report. A test file that failed without any failing test
 * (it did not import, or a hook threw) counts as one failure, so a broken file never reads as green.
 */
export function countTests(report: JsonReport): TestCounts {
  let brokenFiles = 0;
  for (const file of report.testResults ?? []) {
    const anyFailedTest = (file.assertionResults ?? []).some((t) => t.status === 'failed');
    if (file.status === 'failed' && !anyFailedTest) brokenFiles++;
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

export function formatCounts({ passed, failed, skipped }: TestCounts): string {
  return `${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : '');
}
