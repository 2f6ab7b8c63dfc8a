/** The app's version; a test keeps it equal to package.json's. Used in the probers' User-Agent. */
export const APP_VERSION = '0.1.0';
