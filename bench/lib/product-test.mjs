// The product's own clean `npm ci && npm test`: about ten minutes, so not repeated inside the
// suite. One run, timed outside it, is passed in on the command line or in a JSON file and
// reported as that one run.
import * as fs from 'node:fs';

const DEFAULT_COMMAND = 'npm ci && npm test';

/**
 * The figure passed in, or undefined when none was: { seconds, command, note? }.
 * Options: product-test-seconds / -command / -note, or product-test-file (JSON with the same keys).
 */
export function readProductTest(opts) {
  const file = opts['product-test-file'];
  const inline = opts['product-test-seconds'] !== undefined;
  if (file && inline) throw new Error('give --product-test-file or --product-test-seconds, not both');
  if (!file && !inline) {
    if (opts['product-test-command'] || opts['product-test-note']) throw new Error('--product-test-command and --product-test-note need --product-test-seconds');
    return undefined;
  }
  let given;
  if (file) {
    try {
      given = JSON.parse(fs.readFileSync(file, 'utf-8'));
    } catch (error) {
      throw new Error(`--product-test-file ${file}: ${error.message}`);
    }
  } else {
    given = { seconds: opts['product-test-seconds'], command: opts['product-test-command'], note: opts['product-test-note'] };
  }
  const seconds = parseDuration(given.seconds);
  if (!(seconds > 0)) throw new Error(`the product test's seconds must be a duration (707, 11m47s or 11:47), got ${JSON.stringify(given.seconds)}`);
  const command = String(given.command ?? DEFAULT_COMMAND).trim();
  return { seconds, command, ...(given.note ? { note: String(given.note) } : {}) };
}

/** Seconds from 707, "707", "11m47s", "11m", "47s" or "11:47". NaN for anything else. */
export function parseDuration(value) {
  if (typeof value === 'number') return value;
  const text = String(value ?? '').trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const clock = /^(\d+):([0-5]\d)$/.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const units = /^(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(text);
  if (units && (units[1] || units[2])) return Number(units[1] ?? 0) * 60 + Number(units[2] ?? 0);
  return NaN;
}
