/**
 * Preventiekaart uses the Debian `chromium` package (scripts/bootstrap.sh installs it) and
 * never lets Puppeteer download its own browser: that download fails on machines without
 * outbound network and would bypass the OS's security updates.
 */
module.exports = { skipDownload: true };
