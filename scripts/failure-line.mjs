// One line naming a failed test for the end of `npm test`: where it is, its suites and name, and the
// first line of its error, so the last lines of a CI log say what failed without scrolling back.
const MAX_MESSAGE = 200;

/** `file › suite › test: message`, the file relative to here, the message cut to its first line and 200 characters. */
export function failureLine(file, titles, error) {
  const where = [file.replace(`${process.cwd()}/`, ''), ...titles].filter(Boolean).join(' › ');
  const message = String(error?.message ?? error ?? '')
    .split('\n')[0]
    .trim();
  const short = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
  return short ? `${where}: ${short}` : where;
}

/** The `Failed:` block: one `✖` line each, the first `shown` of them (a crash can fail hundreds). */
export function failureList(lines, shown = 40) {
  const more = lines.length > shown ? [`… and ${lines.length - shown} more, above`] : [];
  return ['Failed:', ...[...lines.slice(0, shown), ...more].map((line) => `  ✖ ${line}`)].join(
    '\n',
  );
}

/** The line for a run that failed without a failed test: it crashed, or could not start. */
export function exitLine(run, status, signal) {
  return `${run} ${signal ? `was stopped by ${signal}` : `exited ${status}`} with no test failed`;
}
