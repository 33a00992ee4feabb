// Browser tests: the key pages pass axe-core's WCAG 2.1 A/AA rules, work by
// keyboard, and a resident can create an account and sign in without
// JavaScript.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchBrowser, startServer } from './harness.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function axe(page) {
  // axe runs inside the page only for the test; the site itself ships no script.
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}x, e.g. ${v.nodes[0].target.join(' ')})`);
  });
}

// Opens `path` on `page`: status 200 and no axe violations.
async function checkPage(page, path) {
  const response = await page.goto(server.url + path);
  assert.equal(response.status(), 200, path);
  assert.deepEqual(await axe(page), [], path);
}

// Signs `page` in as the demo account `email` (every demo account has the same password).
async function signIn(page, email) {
  await page.goto(server.url + '/inloggen');
  await page.fill('#f-email', email);
  await page.fill('#f-password', 'demo wachtwoord voor de test');
  await page.click('main button[type=submit]');
}

// The first link inside <main> whose href matches `pattern`, or null.
function firstLinkOn(page, pattern) {
  return page.$$eval('main a', (links, source) => {
    const re = new RegExp(source);
    return links.map((a) => a.getAttribute('href')).find((h) => h && re.test(h)) ?? null;
  }, pattern.source);
}

const pages = ['/', '/stadsdeel/schalkwijk', '/wijk/WK039218', '/inloggen', '/registreren', '/wachtwoord-vergeten',
  '/toegankelijkheid', '/over', '/bestaat-niet',
  // wijkplatforms, their agenda and news (demo content)
  '/wijkplatforms', '/wijkplatform/wijkplatform-boerhaavewijk', '/wijkplatform/wijkplatform-boerhaavewijk/agenda',
  '/wijkplatform/wijkplatform-boerhaavewijk/nieuws',
  // Wijk aan Zet: the edition in its voting phase, its plans, the voting page; the counted edition and its result
  '/wijkbudget', '/wijkbudget/schalkwijk-aan-zet-2026', '/wijkbudget/schalkwijk-aan-zet-2026/plannen',
  '/wijkbudget/schalkwijk-aan-zet-2026/stemmen', '/wijkbudget/schalkwijk-aan-zet-2025',
  '/wijkbudget/schalkwijk-aan-zet-2025/uitslag',
  // advice: the list and a platform's advice
  '/advies', '/wijkplatform/wijkplatform-boerhaavewijk/advies',
  // e-mail trust: a check link and a kernteam invitation that do not exist (the pages for a wrong link)
  '/e-mailadres/bevestigen/voorbeeld', '/uitnodiging/voorbeeld'];

for (const path of pages) {
  test(`axe finds no WCAG 2.1 AA violations on ${path}`, async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url + path);
    assert.deepEqual(await axe(page), []);
    await page.close();
  });
}

test('an event and a news post of a platform pass axe', async () => {
  const page = await browser.context.newPage();
  for (const list of ['/wijkplatform/wijkplatform-boerhaavewijk/agenda', '/wijkplatform/wijkplatform-boerhaavewijk/nieuws']) {
    await page.goto(server.url + list);
    const link = page.locator('main a[href^="/activiteit/"], main a[href*="/nieuws/"]').first();
    assert.equal(await link.count(), 1, `a detail link on ${list}`);
    await page.goto(server.url + await link.getAttribute('href'));
    assert.deepEqual(await axe(page), [], page.url());
  }
  await page.close();
});

test('officials\' pages pass axe (gebiedsverbinder of Schalkwijk)', async () => {
  // bypassCSP only lets the test inject axe; the site itself runs no script.
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, 'gebiedsverbinder@demo.wijkplatform.invalid');
  for (const path of ['/beheer/wijkplatforms', '/wijkplatform/wijkplatform-europawijk/status', '/beheer/wijkbudget',
    '/beheer/wijkbudget/schalkwijk-aan-zet-2026/stemcodes', '/beheer/wijkbudget/schalkwijk-aan-zet-2026/telling']) {
    await checkPage(page, path);
  }
  await context.close();
});

test('the print officer\'s page passes axe (drukwerkbeheerder, issue #11)', async () => {
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, 'drukwerk@demo.wijkplatform.invalid');
  const path = '/beheer/wijkbudget/schalkwijk-aan-zet-2026/stemcodes/drukwerk';
  await checkPage(page, path);
  await context.close();
});

test('a form with errors passes axe and names every problem', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url + '/registreren');
  await page.click('button[type=submit]');
  assert.equal(await page.locator('.wp-error-summary li').count() >= 3, true);
  assert.deepEqual(await axe(page), []);
  await page.close();
});

test('the English pages pass axe too', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url + '/taal/en?next=%2Fwijk%2FWK039201');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.deepEqual(await axe(page), []);
  await page.goto(server.url + '/taal/nl?next=%2F');
  await page.close();
});

test('the skip link is the first thing the keyboard reaches and moves focus to the content', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url + '/wijk/WK039201');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.getAttribute('href'));
  assert.equal(focused, '#main');
  assert.equal(await page.locator('a.wp-skip-link').isVisible(), true, 'visible when focused');
  await page.keyboard.press('Enter');
  assert.match(page.url(), /#main$/);
  await page.close();
});

test('a resident creates an account, signs out and in again, with JavaScript switched off', async () => {
  const context = await browser.browser.newContext({ javaScriptEnabled: false, locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto(server.url + '/registreren');
  await page.fill('#f-display_name', 'Fenna');
  await page.fill('#f-email', 'fenna@example.nl');
  await page.fill('#f-password', 'lente in de Haarlemmerhout');
  await page.fill('#f-password_repeat', 'lente in de Haarlemmerhout');
  await page.click('main button[type=submit]');
  // The same answer whether or not the address has an account: look in your mail.
  assert.match(page.url(), /\/registreren\?verstuurd=1$/);
  assert.match(await page.textContent('main'), /Kijk in uw e-mail/);
  await page.goto(server.url + '/inloggen');
  await page.fill('#f-email', 'fenna@example.nl');
  await page.fill('#f-password', 'lente in de Haarlemmerhout');
  await page.click('main button[type=submit]');
  assert.match(page.url(), /\/account$/);
  assert.match(await page.textContent('main'), /fenna@example\.nl \(nog niet bevestigd\)/);
  await page.click('form[action="/uitloggen"] button');
  assert.match(await page.textContent('main'), /uitgelogd/);
  await page.goto(server.url + '/inloggen');
  await page.fill('#f-email', 'fenna@example.nl');
  await page.fill('#f-password', 'lente in de Haarlemmerhout');
  await page.click('main button[type=submit]');
  assert.match(page.url(), /\/account$/);
  await context.close();
});

// Runs axe on a feature's pages: `publicPaths` (the last one links to a wijk), the first wijk and item
// they link to, then, signed in as `email`, the staff list `staffPath` and the first item it links to;
// `afterStaff(page)` checks more pages while signed in.
async function checkFeaturePages({ publicPaths, wijk, item, email, staffPath, staffItem, afterStaff }) {
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  const firstLink = (pattern) => firstLinkOn(page, pattern);
  for (const path of publicPaths) {
    await checkPage(page, path);
  }
  const wijkPath = await firstLink(wijk);
  assert.ok(wijkPath, `${publicPaths.at(-1)} links to a wijk`);
  await page.goto(server.url + wijkPath);
  assert.deepEqual(await axe(page), [], wijkPath);
  const itemPath = await firstLink(item);
  assert.ok(itemPath, `${wijkPath} links to an item`);
  await page.goto(server.url + itemPath);
  assert.deepEqual(await axe(page), [], itemPath);

  await signIn(page, email);
  const list = await page.goto(server.url + staffPath);
  assert.equal(list.status(), 200, staffPath);
  assert.deepEqual(await axe(page), [], staffPath);
  const handled = await firstLink(staffItem);
  assert.ok(handled, `${staffPath} links to an item`);
  await page.goto(server.url + handled);
  assert.deepEqual(await axe(page), [], handled);
  if (afterStaff) await afterStaff(page);
  await context.close();
}

test('the trends page and the signals of a platform\'s area work without JavaScript', async () => {
  const context = await browser.browser.newContext({ javaScriptEnabled: false, locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto(server.url + '/wijkplatform/wijkplatform-boerhaavewijk');
  assert.equal(await page.locator('main section.wp-area-signals a[href^="/meldingen/wijk/"]').count() >= 1, true);
  await signIn(page, 'meldingen@demo.wijkplatform.invalid');
  await page.goto(server.url + '/wijkplatform/wijkplatform-boerhaavewijk');
  await page.click('main a[href$="/meldingen/trends"]');
  assert.match(page.url(), /\/meldingen\/trends$/);
  assert.ok(await page.locator('main table caption').count() === 1, 'the numbers in a table');
  await context.close();
});

test('signal pages pass axe: the overview, the report form, a wijk, a signal and the staff queue', async () => {
  await checkFeaturePages({
    // The e-mail confirmation page (a button; the GET of the link verifies nothing) for any token;
    // the overview last: the wijk link is taken from it.
    // The form with the extra questions of a category (demo: street lights) as the button shows them.
    publicPaths: ['/meldingen/bevestigen/voorbeeld', '/meldingen/nieuw', '/meldingen/nieuw?onderwerp=straatlantaarn',
      '/meldingen'],
    wijk: /^\/meldingen\/wijk\/WK\d+$/,
    item: /^\/meldingen\/\d+$/,
    email: 'meldingen@demo.wijkplatform.invalid',
    staffPath: '/beheer/meldingen',
    staffItem: /^\/beheer\/meldingen\/\d+$/,
    afterStaff: async (page) => {
      // The trends of a platform's area (staff with a work queue may see them, like its kernteam).
      const trends = '/wijkplatform/wijkplatform-boerhaavewijk/meldingen/trends';
      const shown = await page.goto(server.url + trends);
      assert.equal(shown.status(), 200, trends);
      assert.deepEqual(await axe(page), [], trends);
      assert.ok(await page.locator('main svg[role=img] title').count() >= 1, 'a chart with a text alternative');
      // The table of numbers scrolls inside its own box, reachable by keyboard.
      let reached = false;
      for (let i = 0; i < 80 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.classList.contains('wp-table-container') ?? false);
      }
      assert.ok(reached, 'the keyboard reaches the table of numbers');
    },
  });
});

test('signal administration passes axe and works by keyboard: the category tree and its extra questions', async () => {
  // axe runs as a script in the page (the site itself ships none).
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, 'beheerder@demo.wijkplatform.invalid');
  const tree = '/beheer/meldingen/onderwerpen';
  assert.equal((await page.goto(server.url + tree)).status(), 200, tree);
  assert.deepEqual(await axe(page), [], tree);
  const category = await firstLinkOn(page, /^\/beheer\/meldingen\/onderwerpen\/\d+$/);
  assert.ok(category, `${tree} links to a category`);
  await page.goto(server.url + category);
  assert.deepEqual(await axe(page), [], category);
  await page.click(`main a[href="${category}/vragen"]`);
  assert.match(page.url(), /\/vragen$/);
  assert.deepEqual(await axe(page), [], `${category}/vragen`);
  // By keyboard: the question field, a text, the submit button; the empty form comes back with its errors.
  await page.focus('#f-text');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('#f-text-error').count(), 1, 'the empty question is refused');
  assert.deepEqual(await axe(page), [], `${category}/vragen with errors`);
  await context.close();
});

test('initiative pages pass axe: the form, the start page, a wijk, an initiative, the desk and a case', async () => {
  await checkFeaturePages({
    publicPaths: ['/initiatieven/nieuw', '/initiatieven'],
    wijk: /^\/initiatieven\/wijk\/WK\d+$/,
    item: /^\/initiatieven\/\d+$/,
    email: 'loket@demo.wijkplatform.invalid',
    staffPath: '/beheer/initiatieven',
    staffItem: /^\/beheer\/initiatieven\/\d+$/,
    afterStaff: async (page) => {
      // Every start subsidy that waits for the municipality: decide, pay, settle.
      await page.goto(server.url + '/beheer/initiatieven');
      const cases = await page.$$eval('main a', (links) => links.map((a) => a.getAttribute('href'))
        .filter((h) => /^\/beheer\/initiatieven\/\d+#startsubsidie$/.test(h)));
      assert.ok(cases.length >= 3, 'the desk lists start subsidies to decide, pay and settle');
      for (const path of cases) {
        await page.goto(server.url + path);
        assert.deepEqual(await axe(page), [], path);
      }
      // By keyboard: the decision form sent without a choice comes back with its error.
      for (const path of cases) {
        await page.goto(server.url + path);
        if (await page.locator('#f-decision-grant').count() === 0) continue;
        await page.focus('#f-reason');
        await page.keyboard.type('Past in de regeling.');
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Tab').then(() => page.keyboard.press('Enter'))]);
        assert.equal(await page.locator('#f-decision-error').count(), 1, 'a decision without a choice is refused');
        assert.deepEqual(await axe(page), [], `${path} with errors`);
        break;
      }
    },
  });
});

test('the initiator\'s start subsidy forms pass axe: apply and report', async () => {
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, 'bewoner@demo.wijkplatform.invalid');
  await page.goto(server.url + '/initiatieven/mijn');
  const mine = await page.$$eval('main a', (links) => links.map((a) => a.getAttribute('href'))
    .filter((h) => /^\/initiatieven\/mijn\/\d+$/.test(h)));
  let report = false;
  for (const path of mine) {
    await page.goto(server.url + path);
    assert.deepEqual(await axe(page), [], path);
    if (await page.locator('#f-spending').count() === 0) continue;
    report = true;
    // By keyboard: the account sent empty comes back with its errors.
    await page.focus('#f-account');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Tab').then(() => page.keyboard.press('Enter'))]);
    assert.equal(await page.locator('#f-spending-error').count(), 1, 'an empty account is refused');
    assert.deepEqual(await axe(page), [], `${path} with errors`);
  }
  assert.ok(report, 'one of the demo resident\'s plans waits for an account of its start subsidy');
  await context.close();
});

test('needs and offers pass axe and work without JavaScript: the board, funds, the offer form, an initiator\'s needs', async () => {
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  const check = (path) => checkPage(page, path);
  for (const path of ['/vraag-en-aanbod', '/vraag-en-aanbod?soort=materials', '/vraag-en-aanbod/fondsen',
    '/vraag-en-aanbod/aanbod/nieuw']) {
    await check(path);
  }
  await page.goto(server.url + '/vraag-en-aanbod');
  const initiative = await firstLinkOn(page, /^\/vraag-en-aanbod\/initiatief\/\d+$/);
  assert.ok(initiative, 'the board links to an initiative\'s needs (demo content)');
  await check(initiative);
  // The demo resident's own initiatives, each with its needs page (needs, suggested offers, requests).
  await signIn(page, 'bewoner@demo.wijkplatform.invalid');
  await page.goto(server.url + '/initiatieven/mijn');
  const mine = await page.$$eval('main a', (links) => links.map((a) => a.getAttribute('href'))
    .filter((h) => /^\/initiatieven\/mijn\/\d+$/.test(h)));
  assert.ok(mine.length > 0, 'the demo resident has initiatives');
  for (const path of mine) await check('/vraag-en-aanbod' + path);
  await page.click('form[action="/uitloggen"] button');
  await signIn(page, 'loket@demo.wijkplatform.invalid');
  await check('/beheer/fondsen');
  await context.close();

  // Without JavaScript, by keyboard: the offer form sent incomplete comes back with its errors.
  const plain = await browser.browser.newContext({ locale: 'nl-NL', javaScriptEnabled: false });
  const form = await plain.newPage();
  await form.goto(server.url + '/vraag-en-aanbod/aanbod/nieuw');
  await form.focus('#f-name');
  await form.keyboard.type('Karim');
  await Promise.all([form.waitForNavigation(), form.keyboard.press('Enter')]);
  assert.equal(await form.locator('#f-text-error').count(), 1, 'the missing text is named');
  assert.equal(await form.locator('#f-email-error').count(), 1, 'the missing address is named');
  assert.equal(await form.locator('#f-name').inputValue(), 'Karim', 'what was typed stays');
  await plain.close();
});

test('live polls pass axe and work without JavaScript: join, answer, the presenter screen, the results', async () => {
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  const check = (path) => checkPage(page, path);
  await check('/doe-mee');
  await check('/wijkplatform/wijkplatform-boerhaavewijk/peilingen');
  const results = await firstLinkOn(page, /^\/peiling\/\d+\/uitslag$/);
  assert.ok(results, 'a closed poll is kept with its results (demo content)');
  await check(results);
  // The gebiedsverbinder runs the running demo poll: its controls and its screen (with live.js).
  await signIn(page, 'gebiedsverbinder@demo.wijkplatform.invalid');
  await check('/wijkplatform/wijkplatform-boerhaavewijk/peilingen');
  const manage = (await page.$$eval('main a', (links) => links.map((a) => a.getAttribute('href'))
    .filter((h) => /^\/peiling\/\d+\/beheer$/.test(h))));
  assert.ok(manage.length >= 2, 'the presenter sees the demo polls');
  for (const path of manage) await check(path);
  // The first poll listed is the running one; its join code is on its own page.
  await page.goto(server.url + manage[0]);
  const code = (await page.locator('main strong').first().textContent()).trim();
  const running = manage[0].replace('/beheer', '/scherm');
  await page.goto(server.url + running);
  await page.waitForURL(/live=1/);
  assert.equal(await page.locator('svg.wp-poll-cloud').count(), 1, 'the word cloud is on the screen');
  assert.deepEqual(await axe(page), [], running);
  await context.close();

  // Without JavaScript: the screen refreshes itself and works by keyboard; a participant answers.
  const plain = await browser.browser.newContext({ locale: 'nl-NL', javaScriptEnabled: false });
  const screen = await plain.newPage();
  await signIn(screen, 'gebiedsverbinder@demo.wijkplatform.invalid');
  const shown = await screen.goto(server.url + running);
  assert.equal(shown.headers()['refresh'], '5', 'the screen reloads itself without JavaScript');
  await screen.focus('main a[href$="/scherm"]');
  await Promise.all([screen.waitForNavigation(), screen.keyboard.press('Enter')]);
  assert.equal(await screen.locator('svg.wp-poll-cloud').count(), 1);
  const phone = await plain.newPage();
  await phone.goto(server.url + '/doe-mee');
  await phone.focus('#f-code');
  await phone.keyboard.type(code.toLowerCase());
  await Promise.all([phone.waitForNavigation(), phone.keyboard.press('Enter')]);
  assert.ok(phone.url().endsWith('/doe-mee/' + code), phone.url());
  await phone.focus('#f-answer');
  await phone.keyboard.type('Meer bankjes');
  await Promise.all([phone.waitForNavigation(), phone.keyboard.press('Enter')]);
  assert.equal(await phone.locator('.wp-flash').count(), 1, 'the answer is received');
  await plain.close();
});

test('advice pages pass axe: a request, an advice, the officials\' pages and the kernteam\'s form', async () => {
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  const firstLink = (pattern) => firstLinkOn(page, pattern);
  const check = (path) => checkPage(page, path);
  await check('/advies');
  const request = await firstLink(/^\/advies\/aanvraag\/\d+$/);
  assert.ok(request, '/advies links to a request');
  await check(request);
  await check('/wijkplatform/wijkplatform-boerhaavewijk/advies');
  // The open question to the members (demo: a round with reactions) is listed on the platform's page.
  const round = await firstLink(/^\/wijkplatform\/wijkplatform-boerhaavewijk\/advies\/inbreng\/\d+$/);
  assert.ok(round, 'the platform\'s advice page links to an open input round');
  await page.goto(server.url + '/wijkplatform/wijkplatform-boerhaavewijk/advies');
  const advice = await firstLink(/^\/advies\/\d+$/);
  assert.ok(advice, 'the platform\'s advice page links to an advice');
  await check(advice);
  await check(round);

  await signIn(page, 'gebiedsverbinder@demo.wijkplatform.invalid');
  await check('/beheer/advies');
  const waiting = await firstLink(/^\/advies\/\d+$/);
  assert.ok(waiting, '/beheer/advies lists an advice waiting for its answer');
  await check('/beheer/advies/aanvraag/nieuw');
  await check(waiting.replace('/advies/', '/beheer/advies/') + '/antwoord');
  // The demo's draft request (only officials see it, with the PDF of its create form) and its edit form.
  await page.goto(server.url + '/beheer/advies');
  const draftRequest = await page.locator('main tr', { hasText: 'Extra fietsenrekken bij winkelcentrum Schalkwijk' })
    .locator('a').first().getAttribute('href');
  assert.ok(draftRequest, 'the gebiedsverbinder sees the draft request on /beheer/advies');
  await check(draftRequest);
  const editRequest = await firstLink(/^\/beheer\/advies\/aanvraag\/\d+\/wijzigen$/);
  assert.ok(editRequest, 'the draft request links to its edit form');
  await check(editRequest);
  await page.click('form[action="/uitloggen"] button');

  await signIn(page, 'kernteam.boerhaavewijk@demo.wijkplatform.invalid');
  await check('/wijkplatform/wijkplatform-boerhaavewijk/advies/nieuw');
  await check(round);  // with the members' reactions
  await check(request);  // with its attachment and the link to ask the members
  const ask = await firstLink(/^\/wijkplatform\/wijkplatform-boerhaavewijk\/advies\/inbreng\/nieuw\?aanvraag=\d+$/);
  assert.ok(ask, 'the kernteam may ask its members about the open request');
  await check(ask);
  // The demo's draft advice (only the kernteam sees it) and its edit form.
  await page.goto(server.url + '/wijkplatform/wijkplatform-boerhaavewijk/advies');
  const draft = await page.locator('main tr', { hasText: 'Meer bankjes in de Boerhaavewijk' }).locator('a').first()
    .getAttribute('href');
  assert.ok(draft, 'the kernteam sees its draft advice on the platform\'s advice page');
  await check(draft);
  const edit = await firstLink(/^\/wijkplatform\/wijkplatform-boerhaavewijk\/advies\/\d+\/wijzigen$/);
  assert.ok(edit, 'the draft links to its edit form');
  await check(edit);
  await context.close();
});

test('the results page reads on a 390 px wide phone without scrolling sideways, in Dutch and in English', async () => {
  const context = await browser.browser.newContext({ locale: 'nl-NL', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const results = encodeURIComponent('/wijkbudget/schalkwijk-aan-zet-2025/uitslag');
  for (const [lang, heading] of [['nl', 'Hoe is er geteld?'], ['en', 'How were the votes counted?']]) {
    await page.goto(`${server.url}/taal/${lang}?next=${results}`);
    assert.equal(await page.locator('main h2', { hasText: heading }).count(), 1, `${lang}: the plain report`);
    await page.click('details.wp-details summary');  // unfold the technical report
    const wider = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wider <= 0, `${lang}: the page is ${wider} px wider than the screen`);
  }
  await page.goto(server.url + '/taal/nl?next=%2F');
  await context.close();
});

test('neighbourhood contract pages pass axe: the contract, progress, review, a commitment, both sides\' forms', async () => {
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  const firstLink = (pattern) => firstLinkOn(page, pattern);
  const check = (path) => checkPage(page, path);
  await check('/wijkcontracten');
  const contract = await firstLink(/^\/wijkcontract\/\d+$/);
  assert.ok(contract, '/wijkcontracten links to the demo contract');
  await check(contract);
  await check(contract + '/voortgang');
  await check(contract + '/terugblik');
  const commitment = await firstLink(/^\/wijkcontract\/\d+\/afspraak\/\d+$/);
  assert.ok(commitment, 'the review links to a commitment');
  await check(commitment);

  await signIn(page, 'gebiedsverbinder@demo.wijkplatform.invalid');
  await check('/beheer/wijkcontracten');
  await check(commitment);  // with the progress form
  await check(commitment + '/wijzigen');
  await check(contract + '/afspraak/nieuw');
  await page.click('form[action="/uitloggen"] button');

  await signIn(page, 'kernteam.boerhaavewijk@demo.wijkplatform.invalid');
  await check('/wijkplatform/wijkplatform-boerhaavewijk/wijkcontract/nieuw');
  await context.close();
});

test('right to challenge pages pass axe: the list, a challenge at each stage, the forms', async () => {
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  const check = (path) => checkPage(page, path);
  await check('/uitdaagrecht');
  const challenges = await page.$$eval('main a[href^="/uitdaagrecht/"]',
    (links) => links.map((a) => a.getAttribute('href')).filter((h) => /^\/uitdaagrecht\/\d+$/.test(h)));
  assert.ok(challenges.length >= 4, '/uitdaagrecht lists the demo challenges');
  for (const path of challenges) await check(path);

  await signIn(page, 'gebiedsverbinder@demo.wijkplatform.invalid');
  for (const path of challenges) await check(path);  // with the check and decision forms
  await check('/beheer/uitdaagrecht');  // the officials' overview, reports late and due soon included
  assert.ok(await page.locator('main td', { hasText: 'Rapportage te laat sinds' }).count() > 0,
    'the demo has a challenge whose report is late');
  await check('/beheer/uitdaagrecht?stadsdeel=schalkwijk');
  await page.click('form[action="/uitloggen"] button');

  await signIn(page, 'uitdaging@demo.wijkplatform.invalid');
  await check('/uitdaagrecht/nieuw');
  for (const path of challenges) {
    await page.goto(server.url + path);
    if (await page.locator(`a[href="${path}/businesscase"]`).count() > 0) await check(path + '/businesscase');
  }
  await context.close();
});

test('forum pages pass axe: the forums, a forum, its draw page, a new round and its draw, workspace and agenda, registration and the organisers\' pages', async () => {
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  const check = (path) => checkPage(page, path);
  await check('/loting');
  await check('/loting/wijkforum-zijlweg-west');
  const draw = await firstLinkOn(page, /^\/loting\/wijkforum-zijlweg-west\/trekking\/\d+$/);
  assert.ok(draw, 'the forum links to its draw page');
  await check(draw);
  const later = await page.$$eval('main a', (links, self) => links.map((a) => a.getAttribute('href'))
    .find((h) => h && /^\/loting\/wijkforum-zijlweg-west\/trekking\/\d+$/.test(h) && h !== self) ?? null, draw);
  assert.ok(later, 'the first draw links to the second, weighted draw');
  await check(later);
  await check('/loting/wijkforum-zijlweg-west/werkplaats');
  const agenda = await firstLinkOn(page, /^\/loting\/wijkforum-zijlweg-west\/agenda\/\d+$/);
  assert.ok(agenda, 'the workspace links to the published neighbourhood agenda');
  await check(agenda);
  await check('/loting/bewonerspanel-oude-stad');
  // A panel with a second registration round and the draw of its open seat.
  await check('/loting/bewonerspanel-haarlemmerhout-groen');
  const roundDraw = await page.$$eval('main a', (links) => links.map((a) => a.getAttribute('href'))
    .filter((h) => h && /^\/loting\/bewonerspanel-haarlemmerhout-groen\/trekking\/\d+$/.test(h)).pop() ?? null);
  assert.ok(roundDraw, 'the panel links to the draw of its new round');
  await check(roundDraw);
  await check('/aanmelden');
  await signIn(page, 'gebiedsverbinder@demo.wijkplatform.invalid');
  await check('/beheer/loting');
  await check('/beheer/loting/nieuw?wijk=WK039203&zetels=7');
  await check('/beheer/loting/wijkforum-zijlweg-west');
  await check('/beheer/loting/wijkforum-zijlweg-west/tweede-loting');
  await check('/beheer/loting/bewonerspanel-oude-stad');
  await check('/beheer/loting/bewonerspanel-haarlemmerhout-groen');
  await check('/beheer/loting/bewonerspanel-haarlemmerhout-groen/nieuwe-ronde');
  await check('/loting/wijkforum-zijlweg-west/werkplaats');
  await page.click('form[action="/uitloggen"] button');
  await context.close();
});

test('promises pages pass axe: a platform\'s promises, a promise, the late list and the forms', async () => {
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  const firstLink = (pattern) => firstLinkOn(page, pattern);
  const check = (path) => checkPage(page, path);
  await check('/wijkplatform/wijkplatform-boerhaavewijk/toezeggingen');
  const promise = await firstLink(/^\/toezeggingen\/\d+$/);
  assert.ok(promise, 'the platform\'s promises page links to a promise');
  await check(promise);

  await signIn(page, 'gebiedsverbinder@demo.wijkplatform.invalid');
  await check('/beheer/toezeggingen');
  const late = await firstLink(/^\/toezeggingen\/\d+$/);
  assert.ok(late, '/beheer/toezeggingen lists the late demo promise');
  await check(late);  // with the update and handover forms
  await check('/beheer/toezeggingen/nieuw');
  await context.close();
});

test('archive pages pass axe: the search, a platform\'s archive, a document, the upload form and the follow list', async () => {
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  const firstLink = (pattern) => firstLinkOn(page, pattern);
  const check = (path) => checkPage(page, path);
  await check('/archief');
  await check('/archief?q=speeltuin');
  await check('/wijkplatform/wijkplatform-boerhaavewijk/archief');
  const doc = await firstLink(/^\/archief\/\d+$/);
  assert.ok(doc, 'the platform\'s archive links to a document');
  await check(doc);

  await signIn(page, 'kernteam.boerhaavewijk@demo.wijkplatform.invalid');
  await check('/wijkplatform/wijkplatform-boerhaavewijk/archief/nieuw');
  await check(doc);  // with the withdraw form
  await page.click('form[action="/uitloggen"] button');

  await signIn(page, 'raadslid@demo.wijkplatform.invalid');
  await check('/mijn/volgen');
  await check('/wijkplatform/wijkplatform-europawijk/archief');  // with the follow button
  await context.close();
});

test('rounds of talks pass axe: the rounds, a meeting, the officials\' pages and the kernteam\'s form', async () => {
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  const firstLink = (pattern) => firstLinkOn(page, pattern);
  const check = (path) => checkPage(page, path);
  await check('/gesprekken');
  const meeting = await firstLink(/^\/gesprekken\/\d+$/);
  assert.ok(meeting, '/gesprekken links to a meeting');
  await check(meeting);

  await signIn(page, 'kernteam.boerhaavewijk@demo.wijkplatform.invalid');
  await check('/wijkplatform/wijkplatform-boerhaavewijk');
  const next = await firstLink(/^\/gesprekken\/\d+$/);
  assert.ok(next, 'the platform page links to the next meeting');
  await check(next);  // with the form to propose an agenda item
  await page.click('form[action="/uitloggen"] button');

  await signIn(page, 'gebiedsverbinder@demo.wijkplatform.invalid');
  await check('/beheer/gesprekken');
  const record = await firstLink(/^\/beheer\/gesprekken\/\d+\/verslag$/);
  assert.ok(record, '/beheer/gesprekken links to a meeting\'s record page');
  await check(record);
  await check(record.replace(/verslag$/, 'plannen'));
  await check(next.replace('/gesprekken/', '/beheer/gesprekken/') + '/verslag');  // the upcoming meeting's forms
  await context.close();
});

test('participation pages pass axe: the calendar, a project, a platform\'s projects and the officials\' forms', async () => {
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  const firstLink = (pattern) => firstLinkOn(page, pattern);
  const check = (path) => checkPage(page, path);
  await check('/participatie?stadsdeel=schalkwijk&wijk=&stand=alle');
  await check('/participatie');
  const project = await firstLink(/^\/participatie\/\d+$/);
  assert.ok(project, '/participatie lists the demo projects');
  await check(project);
  await check('/wijkplatform/wijkplatform-boerhaavewijk/participatie');

  await signIn(page, 'kernteam.boerhaavewijk@demo.wijkplatform.invalid');
  await check('/wijkplatform/wijkplatform-boerhaavewijk/participatie');  // with the unsubscribe button
  await page.click('form[action="/uitloggen"] button');

  await signIn(page, 'gebiedsverbinder@demo.wijkplatform.invalid');
  await check('/beheer/participatie');
  const managed = await page.$$eval('main a', (links) =>
    links.map((a) => a.getAttribute('href')).filter((h) => /^\/participatie\/\d+$/.test(h)));
  assert.ok(managed.length >= 3, '/beheer/participatie lists the demo projects');
  let edited = false;
  for (const path of managed) {
    await check(path);  // with the status form while it is open
    if (!edited && await page.locator(`main a[href="${path}/wijzigen"]`).count() > 0) {
      await check(path + '/wijzigen');
      edited = true;
    }
  }
  assert.ok(edited, 'an open demo project can be changed');
  await check('/beheer/participatie/nieuw');
  await page.click('main form button[type=submit]');  // empty: the error summary and the fields in error
  assert.equal(await page.locator('.utrecht-form-field-error-message').count() > 0, true);
  assert.deepEqual(await axe(page), [], '/beheer/participatie/nieuw with errors');
  await context.close();
});

test('dashboards pass axe and work without JavaScript: reach per area, outcomes, the report, open data', async () => {
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  const check = (path) => checkPage(page, path);
  await check('/cijfers');
  const borough = await firstLinkOn(page, /^\/cijfers\/stadsdeel\/[a-z-]+/);
  assert.ok(borough, '/cijfers links to the stadsdelen');
  await check(borough);
  const district = await firstLinkOn(page, /^\/cijfers\/wijk\/[a-z0-9-]+/);
  assert.ok(district, 'a stadsdeel links to its wijken');
  await check(district);
  for (const path of ['/cijfers/uitkomsten', '/cijfers/rapport', '/cijfers/open-data']) await check(path);
  await context.close();

  // Without JavaScript, by keyboard: the year form is a plain GET.
  const plain = await browser.browser.newContext({ locale: 'nl-NL', javaScriptEnabled: false });
  const form = await plain.newPage();
  await form.goto(server.url + '/cijfers');
  await form.focus('#f-jaar');
  await form.keyboard.press('Tab');
  await form.keyboard.press('Enter');
  await form.waitForURL(/\/cijfers\?jaar=\d{4}$/);
  assert.equal(await form.locator('h1').count(), 1);
  await plain.close();
});

test('opinion-map pages pass axe: the list, a conversation, the map, the open data and the organisers\' pages', async () => {
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  const check = (path) => checkPage(page, path);
  await check('/meningen');
  const conversations = await page.$$eval('main a', (links) =>
    [...new Set(links.map((a) => a.getAttribute('href')).filter((h) => /^\/meningen\/\d+$/.test(h)))]);
  assert.ok(conversations.length >= 2, '/meningen lists the open and the closed demo conversation');
  for (const path of conversations) {
    await check(path);
    await check(path + '/kaart');
    await check(path + '/gegevens');
  }
  // Vote by keyboard-reachable buttons without JavaScript: the next statement, then the map shows where you stand.
  await page.goto(server.url + conversations[0]);
  if (await page.locator('main form[action$="/stem"] button[value="agree"]').count() > 0) {
    await page.locator('main form[action$="/stem"] button[value="agree"]').first().click();
    assert.deepEqual(await axe(page), [], conversations[0] + ' after a vote (with the list of your votes)');
  }
  await page.goto(server.url + conversations[0]);
  if (await page.locator('main form[action$="/stelling"]').count() > 0) {
    await page.click('main form[action$="/stelling"] button[type=submit]');  // empty: the error summary
    assert.equal(await page.locator('.utrecht-form-field-error-message').count() > 0, true);
    assert.deepEqual(await axe(page), [], conversations[0] + ' with an empty statement');
  }

  await signIn(page, 'gebiedsverbinder@demo.wijkplatform.invalid');
  await check('/beheer/meningen');
  const managed = await page.$$eval('main a', (links) =>
    links.map((a) => a.getAttribute('href')).filter((h) => /^\/beheer\/meningen\/\d+$/.test(h)));
  assert.ok(managed.length >= 2, '/beheer/meningen lists the demo conversations');
  for (const path of managed) await check(path);  // moderation forms, status buttons, rejected statements
  await page.goto(server.url + '/beheer/meningen');
  await page.click('main form[action="/beheer/meningen"] button[type=submit]');  // empty: the error summary
  assert.equal(await page.locator('.utrecht-form-field-error-message').count() > 0, true);
  assert.deepEqual(await axe(page), [], '/beheer/meningen with errors');
  await context.close();
});

test('survey pages pass axe and work without JavaScript: the list, answering, results, the official pages', async () => {
  const context = await browser.browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  const check = (path) => checkPage(page, path);
  await check('/peilingen');
  const answer = await firstLinkOn(page, /^\/peilingen\/\d+$/);
  assert.ok(answer, '/peilingen lists an open demo survey');
  await check(answer);
  await page.goto(server.url + '/peilingen');
  const results = await firstLinkOn(page, /^\/peilingen\/\d+\/uitslag$/);
  assert.ok(results, '/peilingen lists the finished demo survey');
  await check(results);
  assert.ok(await page.locator('main svg').count() > 0, 'the results have charts');
  assert.ok((await page.textContent('main')).includes('minder dan 10'), 'the demo results hide a small group');

  await signIn(page, 'gebiedsverbinder@demo.wijkplatform.invalid');
  await check('/beheer/peilingen');
  const managed = await page.$$eval('main a', (links) =>
    links.map((a) => a.getAttribute('href')).filter((h) => /^\/beheer\/peilingen\/\d+$/.test(h)));
  assert.ok(managed.length >= 4, '/beheer/peilingen lists the demo surveys');
  let paper = false;
  let panel = false;
  for (const path of managed) {
    await check(path);
    if (!panel && (await page.textContent('main')).includes('Codes sturen naar nieuwe leden')) panel = true;
    if (!paper && await page.locator(`main a[href="${path}/papier"]`).count() > 0) {
      await check(path + '/papier');
      paper = true;
    }
  }
  assert.ok(paper, 'an open demo survey takes paper questionnaires');
  assert.ok(panel, 'the open demo panel survey offers codes for new members');
  // Panel mode without a panel: the form again with the reason, also passing axe.
  await page.goto(server.url + '/beheer/peilingen');
  await page.fill('#f-title', 'Panelpeiling');
  await page.check('#mode-panel');
  await Promise.all([page.waitForNavigation(), page.click('main form[action="/beheer/peilingen"] button[type=submit]')]);
  assert.ok((await page.textContent('main')).includes('Kies het panel'), 'panel mode without a panel is refused');
  assert.deepEqual(await axe(page), [], '/beheer/peilingen with errors');
  await context.close();

  // Without JavaScript, by keyboard: the answer form sent empty comes back, nothing stored.
  const plain = await browser.browser.newContext({ locale: 'nl-NL', javaScriptEnabled: false });
  const form = await plain.newPage();
  await form.goto(server.url + answer);
  await form.focus('main button[type=submit]');
  await Promise.all([form.waitForNavigation(), form.keyboard.press('Enter')]);
  assert.ok(await form.locator('.utrecht-form-field-error-message').count() > 0, 'an empty questionnaire is refused');
  await plain.close();
});
