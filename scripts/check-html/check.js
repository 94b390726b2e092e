// Opens an HTML report from `candor score --html` in headless Chromium and checks what a
// reader does with it: every column sorts both ways, a row opens to its findings, and the
// page raises no errors. Writes a screenshot of the top of the page and of an open row.
// Usage: node check.js REPORT.html OUT_DIR
const { chromium } = require('playwright-core');
const path = require('path');

const [report, out] = process.argv.slice(2);
if (!report || !out) {
  console.error('usage: node check.js REPORT.html OUT_DIR');
  process.exit(2);
}
const fail = (msg) => { console.error('FAIL: ' + msg); process.exitCode = 1; };

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto('file://' + path.resolve(report));
  await page.screenshot({ path: path.join(out, 'report-top.png'), fullPage: true });

  const rows = await page.$$('tr.row');
  if (rows.length === 0) fail('no interview rows');
  const headers = await page.$$eval('thead th', (hs) => hs.map((h) => h.textContent.trim()));
  const column = (i) => page.$$eval('tr.row', (rs, i) => rs.map((r) => r.cells[i].textContent.trim()), i);
  const key = (v) => { const n = parseFloat(v); return Number.isNaN(n) ? v.toLowerCase() : n; };
  const ordered = (a, dir) => a.every((x, i) => i === 0 || (dir > 0 ? key(a[i - 1]) <= key(x) : key(a[i - 1]) >= key(x)));
  for (let i = 0; i < headers.length; i++) {
    const th = (await page.$$('thead th'))[i];
    await th.click();
    const one = await column(i);
    await th.click();
    const two = await column(i);
    // Empty cells (no month, no figure) may sit at either end; compare the filled ones.
    const filled = (a) => a.filter((v) => v !== '' && v !== '–');
    const asc = ordered(filled(one), 1) && ordered(filled(two), -1);
    const desc = ordered(filled(one), -1) && ordered(filled(two), 1);
    if (!asc && !desc) fail(`column "${headers[i]}" does not sort both ways`);
    else console.log(`column "${headers[i]}" sorts both ways`);
  }

  // The worst interview opens to its findings.
  const scoreCol = headers.findIndex((h) => h.startsWith('score'));
  const th = (await page.$$('thead th'))[scoreCol];
  await th.click();
  let first = await page.$('tr.row');
  const firstScore = parseFloat(await first.evaluate((r, c) => r.cells[c].textContent, scoreCol));
  const lastScore = parseFloat(await page.$$eval('tr.row', (rs, c) => rs[rs.length - 1].cells[c].textContent, scoreCol));
  if (firstScore > lastScore) { await th.click(); first = await page.$('tr.row'); }
  const id = await first.getAttribute('data-i');
  const detail = await page.$('#d' + id);
  if (!(await detail.evaluate((d) => d.hidden))) fail('findings are shown before the row is clicked');
  await first.click();
  if (await detail.evaluate((d) => d.hidden)) fail('clicking a row does not open its findings');
  const text = await detail.evaluate((d) => d.innerText);
  if (!/help:/.test(text)) fail('the open row shows no finding with a help line');
  else console.log('the worst interview opens to its findings');
  await detail.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -120));
  await page.screenshot({ path: path.join(out, 'report-row.png') });

  if (errors.length) fail('page errors: ' + JSON.stringify(errors));
  await browser.close();
  if (!process.exitCode) console.log('html report: all checks passed');
})();
