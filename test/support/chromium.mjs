/**
 * The one Chromium every test drives: Debian's, or whatever CHROME_PATH names. Without the
 * background-networking flags Chromium keeps calling Google's services and floods a closed network.
 */
export const chromiumExecutable = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
