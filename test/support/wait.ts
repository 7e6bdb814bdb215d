/**
 * `waitUntil` with limits for a loaded machine. Open WC's default gives a condition one second,
 * which a shared two-core machine running other suites does not always grant (an axe check alone
 * can take longer); a condition here gets ten seconds unless the test says otherwise. Waiting longer
 * costs nothing when the condition holds early: it is checked every 20 ms.
 */
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

type Condition = () => unknown;

export function waitUntil(
  condition: Condition,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(condition as () => boolean | Promise<boolean>, message, {
    interval: 20,
    timeout: 10_000,
    ...options,
  });
}
