// Opens an HTML report from `candor score --html` in headless Chromium and checks what a
// reader does with it: every column sorts both ways with unscored rows last, the filter box
// narrows the rows, a row opens to its findings with the offending words marked, the colour
// classes are there and coloured, the page fits a 375px phone without sideways scrolling,
// everything is in view without JavaScript, and the page raises no errors. Screenshots of
// the page at desktop and phone widths go to OUT_DIR.
// Usage: node check.js REPORT.html OUT_DIR
const { chromium } = require('playwright-core');
const path = require('path');

const [report, out] = process.argv.slice(2);
if (!report || !out) {
  console.error('usage: node check.js REPORT.html OUT_DIR');
  process.exit(2);
}
const fail = (msg) => { console.error('FAIL: ' + msg); process.exitCode = 1; };
const ok = (msg) => console.log('ok: ' + msg);
const url = 'file://' + path.resolve(report);

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const errors = [];
  const open = async (options) => {
    const page = await browser.newPage(options);
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('request', (r) => { if (!r.url().startsWith('file:')) errors.push('network: ' + r.url()); });
    await page.goto(url);
    return page;
  };

  // Desktop.
  const page = await open({ viewport: { width: 1300, height: 900 } });
  await page.screenshot({ path: path.join(out, 'desktop-top.png') });
  await page.screenshot({ path: path.join(out, 'desktop-full.png'), fullPage: true });

  const rows = await page.$$('tr.row');
  if (rows.length === 0) fail('no interview rows');
  const headers = await page.$$eval('thead th', (hs) => hs.map((h) => h.textContent.trim()));
  const column = (i) => page.$$eval('#t tbody > tr:not(.detail)', (rs, i) => rs.map((r) => ({
    v: r.classList.contains('err') && i > 0 ? '' : (r.cells[i] ? r.cells[i].textContent.trim() : ''),
    u: r.hasAttribute('data-u'),
  })), i);
  const key = (v) => { const n = parseFloat(v); return Number.isNaN(n) ? v.toLowerCase() : n; };
  const ordered = (a, dir) => a.every((x, i) => i === 0 || (dir > 0 ? key(a[i - 1]) <= key(x) : key(a[i - 1]) >= key(x)));
  // A missing figure is '', '–' or "not judged: …".
  const missing = (v) => v === '' || v === '–' || v.startsWith('not judged');
  const lastOnly = (cells) => {
    const first = cells.findIndex((c) => missing(c.v));
    return first < 0 || cells.slice(first).every((c) => missing(c.v));
  };
  for (let i = 0; i < headers.length; i++) {
    const th = (await page.$$('thead th'))[i];
    await th.click();
    const one = await column(i);
    await th.click();
    const two = await column(i);
    const filled = (a) => a.filter((c) => !missing(c.v)).map((c) => c.v);
    const asc = ordered(filled(one), 1) && ordered(filled(two), -1);
    if (!asc) fail(`column "${headers[i]}" does not sort up then down`);
    else if (!lastOnly(one) || !lastOnly(two)) fail(`column "${headers[i]}": rows without a figure are not last both ways`);
    else ok(`column "${headers[i]}" sorts both ways, rows without a figure last`);
  }
  // Unscored rows (not judged, errors) are last whichever way the score sorts.
  const scoreCol = headers.findIndex((h) => h.startsWith('score'));
  const scoreTh = (await page.$$('thead th'))[scoreCol];
  for (const way of ['first', 'second']) {
    await scoreTh.click();
    const u = (await column(scoreCol)).map((c) => c.u);
    const at = u.indexOf(true);
    if (at < 0) fail('the report has no unscored row to check');
    else if (!u.slice(at).every(Boolean)) fail(`unscored rows are not last (${way} click on score)`);
    else ok(`unscored rows last (${way} click on score)`);
  }

  // The worst interview opens to its findings, the offending words marked.
  let lowest = await scoreTh.evaluate((th) => th.classList.contains('asc'));
  if (!lowest) await scoreTh.click();
  const first = await page.$('tr.row');
  const id = await first.getAttribute('data-i');
  const detail = await page.$('#d' + id);
  if (!(await detail.evaluate((d) => d.hidden))) fail('findings are shown before the row is clicked');
  await first.click();
  if (await detail.evaluate((d) => d.hidden)) fail('clicking a row does not open its findings');
  const text = await detail.evaluate((d) => d.innerText);
  if (!/help:/.test(text)) fail('the open row shows no finding with a help line');
  else ok('the worst interview opens to its findings');
  const marks = await detail.$$eval('blockquote mark', (ms) => ms.map((m) => ({
    text: m.textContent, bg: getComputedStyle(m).backgroundColor, shown: m.offsetWidth > 0,
  })));
  const quotes = await detail.$$eval('blockquote', (bs) => bs.length);
  if (marks.length === 0) fail('no offending words are marked in the open row');
  else if (marks.some((m) => !m.text.trim() || !m.shown || m.bg === 'rgba(0, 0, 0, 0)')) fail('a mark is empty, hidden or not coloured: ' + JSON.stringify(marks));
  else ok(`${marks.length} of ${quotes} quoted sentences have their words marked`);
  await detail.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -120));
  await page.screenshot({ path: path.join(out, 'desktop-row.png') });

  // Colour carries meaning: a low score, a high score, a talk ratio over the threshold.
  const colour = (sel) => page.$$eval(sel, (es) => es.length ? [es.length, getComputedStyle(es[0]).color, getComputedStyle(es[0]).backgroundColor] : [0]);
  const plain = await page.$eval('tr.row td', (td) => getComputedStyle(td).color);
  for (const [sel, what] of [['td.score.lo', 'low scores'], ['td.score.hi', 'high scores'], ['td.over', 'talk over the threshold'],
    ['rect.bar.over', 'talk-ratio bars over the threshold'], ['rect.bar.lo', 'low-score bars']]) {
    const [n, fg, bg] = await colour(sel);
    if (!n) fail(`no ${what} (${sel})`);
    else if (sel.startsWith('td') && fg === plain && bg === 'rgba(0, 0, 0, 0)') fail(`${what} are not coloured`);
    else ok(`${n} ${what} coloured (${sel})`);
  }

  // The filter box narrows the rows to those that mention the words, findings included.
  const all = (await page.$$('tr.row')).length;
  const filter = await page.$('#filter');
  if (!filter || !(await filter.isVisible())) fail('no visible filter box');
  else {
    const who = await page.$eval('tr.row', (r) => r.cells[1].textContent.trim().split(/[ ,(]/)[0]);
    await filter.fill(who);
    const visible = await page.$$eval('tr.row', (rs) => rs.filter((r) => !r.hidden).map((r) => r.textContent + ' ' + (r.nextElementSibling ? r.nextElementSibling.textContent : '')));
    if (visible.length === 0 || visible.length >= all) fail(`filtering by "${who}" shows ${visible.length} of ${all} rows`);
    else if (!visible.every((t) => t.toLowerCase().includes(who.toLowerCase()))) fail('the filter shows a row without the words');
    else ok(`filtering by "${who}" shows ${visible.length} of ${all} rows`);
    await page.screenshot({ path: path.join(out, 'desktop-filter.png') });
    await filter.fill('');
    const back = await page.$$eval('tr.row', (rs) => rs.filter((r) => !r.hidden).length);
    if (back !== all) fail(`clearing the filter shows ${back} of ${all} rows`);
    else ok('clearing the filter shows every row');
  }
  await page.close();

  // A phone: nothing wider than the screen, so the page never scrolls sideways.
  const phone = await open({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const widths = await phone.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, win: window.innerWidth }));
  if (widths.doc > widths.win + 1 || widths.body > widths.win + 1) fail('the page scrolls sideways at 375px: ' + JSON.stringify(widths));
  else ok(`no sideways scrolling at 375px (${widths.doc}px of ${widths.win}px)`);
  await phone.screenshot({ path: path.join(out, 'phone-top.png') });
  await phone.screenshot({ path: path.join(out, 'phone-full.png'), fullPage: true });
  await phone.$eval('#t', (t) => t.scrollIntoView());
  const row = await phone.$('tr.row');
  await row.click();
  await phone.screenshot({ path: path.join(out, 'phone-table.png') });
  await phone.close();

  // Without JavaScript every figure and finding is in view, and no filter box that does nothing.
  const nojs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1300, height: 900 } });
  const still = await nojs.newPage();
  await still.goto(url);
  const hiddenDetails = await still.$$eval('tr.detail', (ds) => ds.filter((d) => d.hidden || d.offsetHeight === 0).length);
  const shownFilter = await still.$eval('#filter', (f) => f.offsetWidth > 0);
  if (hiddenDetails) fail(`without JavaScript ${hiddenDetails} rows of findings are hidden`);
  else if (shownFilter) fail('without JavaScript the filter box is shown but cannot work');
  else ok('without JavaScript every row of findings is in view');
  await nojs.close();

  if (errors.length) fail('page errors: ' + JSON.stringify(errors));
  await browser.close();
  if (!process.exitCode) console.log('html report: all checks passed');
})();
