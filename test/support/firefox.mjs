/**
 * The second engine: Debian's Firefox ESR, or whatever FIREFOX_PATH names, driven by puppeteer-core
 * over WebDriver BiDi (nothing is downloaded).
 */
export const firefoxExecutable = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
