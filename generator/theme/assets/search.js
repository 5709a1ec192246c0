// The search page: a query and filters run against the language's Pagefind bundle.
//
// The form is in the page's HTML (generator/templates/search.html) and stays hidden
// until this script runs. The query and the chosen filter values are kept in the
// address (?q=…&level=lukio&level=esiopetus), so a filtered view can be linked and a
// reload restores it. Values of one filter combine with OR and filters with AND,
// which is Pagefind's `{filter: {any: [...]}}` form.
//
// Without a query or a filter the page shows no results, and next to each filter
// value the count of the whole catalogue that the page's HTML brings. Otherwise each
// count is the number of results the value would give with the query and the other
// filters as they are. The value's own filter is left out of that search, so choosing
// a second value of one filter never shows 0. Pagefind can count only once it has
// loaded its filter data (about 70 KB at 5,000 entries). So a search shows its results
// first and then loads that data and shows the counts. On narrow screens, where the
// filters are closed, it loads the data only once the visitor opens them.
//
// Pagefind matches a query word by its Snowball stem: an indexed word matches when its
// stem starts with the query word's stem. When no indexed stem does, Pagefind falls
// back to the longest indexed stem that the query word's stem starts with, so on the
// Swedish page "koulupiha" found every text with "koulu", and on the Finnish page
// "läsförståelse" every text with "lasta". `unmatchedWords` finds such query words,
// and a query with one shows no results but a link to the same query in the other
// language.
//
// The language switch in the header and that link carry the page's query string, as
// the filter codes are the same in both languages.
//
// Pagefind runs in the page rather than in a Web Worker, because the worker's script
// would add about 40 KB to what a first search loads. The page's
// Content-Security-Policy therefore allows 'wasm-unsafe-eval' (theme/main.html).
//
// Entry texts are untrusted, so results are built with textContent only.

// Results shown at first and at each press of "show more"; each costs a request.
const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 250;
// Below this many results, a query also offers the same search in the other language.
const FEW_RESULTS = 3;
// The width from which kyky.css shows the filters beside the results, open.
const WIDE_SCREEN = "(min-width: 60em)";

const root = document.querySelector("[data-kyky-search]");
const form = root.querySelector("form");
const queryInput = form.querySelector("input[name=q]");
const fieldsets = [...form.querySelectorAll("[data-kyky-filter]")];
const resultsSection = root.querySelector(".kyky-search__results");
const resultsList = root.querySelector("[data-kyky-results]");
const status = root.querySelector("[role=status]");
const moreButton = root.querySelector("[data-kyky-more]");
const clearButton = root.querySelector("[data-kyky-clear]");
const filtersBox = form.querySelector("details.kyky-search__filters");
const filtersSummary = filtersBox.querySelector("summary");
const countLink = root.querySelector("[data-kyky-count]");
const cardTemplate = root.querySelector("template[data-kyky-card]");
const otherLanguageLink = root.querySelector("[data-kyky-other]");
const languageSwitch = document.querySelector("a.kyky-language-switch__link");
const switchPath = languageSwitch ? languageSwitch.getAttribute("href").split("?")[0] : null;
const NO_RESULTS = { results: [], filters: {} };

let pagefind = null;
let latestSearch = 0;
let shownResults = [];
let shownCount = 0;
let typingTimer = null;
let filterData = null;
let filtersLoaded = false;
let noResultsShown = false;
// Whether Pagefind finds each query word without falling back to a shorter stem.
const wordMatches = new Map();

function filterNames() {
  return fieldsets.map((fieldset) => fieldset.dataset.kykyFilter);
}

function checkboxes(name) {
  return [...form.querySelectorAll(`input[type=checkbox][name="${name}"]`)];
}

// The state of the form as {query, filters: {name: [codes]}}.
function readForm() {
  const filters = {};
  for (const name of filterNames()) {
    const chosen = checkboxes(name)
      .filter((box) => box.checked)
      .map((box) => box.value);
    if (chosen.length) filters[name] = chosen;
  }
  return { query: queryInput.value.trim(), filters };
}

function readAddress() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const name of filterNames()) {
    const chosen = params.getAll(name);
    if (chosen.length) filters[name] = chosen;
  }
  return { query: (params.get("q") || "").trim(), filters };
}

function fillForm(state) {
  queryInput.value = state.query;
  for (const name of filterNames()) {
    const chosen = state.filters[name] || [];
    for (const box of checkboxes(name)) box.checked = chosen.includes(box.value);
  }
}

function queryString(state) {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  for (const name of filterNames()) {
    for (const code of state.filters[name] || []) params.append(name, code);
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

function writeAddress(state) {
  const search = queryString(state);
  const address = window.location.pathname + search;
  if (address !== window.location.pathname + window.location.search) {
    window.history.replaceState(null, "", address);
  }
  followInOtherLanguage(search);
}

// Point the language switch and the other-language link at the same search.
function followInOtherLanguage(search) {
  if (!languageSwitch) return;
  languageSwitch.setAttribute("href", switchPath + search);
  otherLanguageLink.setAttribute("href", switchPath + search);
  otherLanguageLink.hreflang = languageSwitch.hreflang;
}

function showChosenCount(state) {
  const chosen = Object.values(state.filters).reduce((sum, codes) => sum + codes.length, 0);
  filtersSummary.textContent = root.dataset.kykyFiltersChosen.replace("{count}", String(chosen));
}

function pagefindFilters(filters, without) {
  const selected = {};
  for (const [name, codes] of Object.entries(filters)) {
    if (name !== without) selected[name] = { any: codes };
  }
  return selected;
}

// The words of a query as Pagefind splits them, in lowercase.
function queryWords(query) {
  return query.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function withoutDiacritics(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();
}

async function unmatchedWords(query) {
  const unmatched = [];
  for (const word of queryWords(query)) {
    if (!wordMatches.has(word)) wordMatches.set(word, await matchesIndex(word));
    if (!wordMatches.get(word)) unmatched.push(word);
  }
  return unmatched;
}

// A word matches if Pagefind has its stem exactly (a quoted search), or if the words it
// found contain the query word, as when someone is still typing it.
async function matchesIndex(word) {
  const exact = await pagefind.search(`"${word}"`);
  if (exact.results.length) return true;
  const loose = await pagefind.search(word);
  if (!loose.results.length) return true;
  const data = await loose.results[0].data();
  const words = (data.raw_content ?? data.content).split(/[\r\n\s]+/g);
  const target = withoutDiacritics(word);
  return data.locations.some((location) =>
    withoutDiacritics(words[location] || "").includes(target),
  );
}

function pagefindSearch(state, without) {
  const options = { filters: pagefindFilters(state.filters, without) };
  if (!state.query) options.sort = { published: "desc" };
  return pagefind.search(state.query || null, options);
}

// Count, for each filter, the results of each value with the other filters applied.
// `main` is the search of the whole state, or null to run it here.
async function filterCounts(state, main) {
  const all = main || (await pagefindSearch(state, null));
  const counts = {};
  for (const name of filterNames()) {
    const search = name in state.filters ? await pagefindSearch(state, name) : all;
    counts[name] = search.filters[name] || {};
  }
  return counts;
}

function countElements() {
  return [...form.querySelectorAll(".kyky-search__count")];
}

// The counts of the whole catalogue, as the page's HTML brings them.
const catalogueCounts = countElements().map((count) => count.textContent);

function showCounts(counts) {
  for (const name of filterNames()) {
    for (const box of checkboxes(name)) {
      const count = box.parentElement.querySelector(".kyky-search__count");
      count.textContent = `(${counts[name][box.value] || 0})`;
    }
  }
}

function showCatalogueCounts() {
  countElements().forEach((count, index) => {
    count.textContent = catalogueCounts[index];
  });
}

function hideCounts() {
  for (const count of countElements()) count.textContent = "";
}

function isUnfiltered(state) {
  return !state.query && Object.keys(state.filters).length === 0;
}

function loadFilterData() {
  filterData ??= pagefind.filters().then(() => {
    filtersLoaded = true;
  });
  return filterData;
}

// Resolve once the browser has painted, so that the results show before Pagefind,
// which runs in the page, works through the filter data.
function afterPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

// Show the counts of the search numbered `searchNumber`. `main` is its search if that
// ran with the filter data loaded, and null otherwise.
async function updateCounts(state, searchNumber, main) {
  if (noResultsShown) {
    showCounts(noCounts());
    return;
  }
  if (!filtersLoaded) {
    hideCounts();
    if (!filtersBox.open) return;
    await afterPaint();
    if (searchNumber !== latestSearch) return;
    await loadFilterData();
    if (searchNumber !== latestSearch) return;
  }
  const counts = await filterCounts(state, main);
  if (searchNumber !== latestSearch) return;
  showCounts(counts);
}

function countText(count) {
  if (count === 0) return root.dataset.kykyNoResults;
  if (count === 1) return root.dataset.kykyResultOne;
  return root.dataset.kykyResultMany.replace("{count}", String(count));
}

// Set the text of `node`, or remove it if there is none.
function fill(node, text) {
  if (text) node.textContent = text;
  else node.remove();
}

function resultItem(data) {
  const item = cardTemplate.content.firstElementChild.cloneNode(true);
  const link = item.querySelector(".kyky-card__title a");
  link.textContent = data.meta.title;
  // Pagefind indexes `tarpeet/x.html` for the page `tarpeet/x/` (generator/search.py).
  link.href = data.url.replace(/\.html$/, "/");

  const kind = item.querySelector(".kyky-kind");
  kind.classList.add(`kyky-kind--${(data.filters.kind || [""])[0]}`);
  kind.textContent = data.meta.kind;
  const status = item.querySelector(".kyky-status");
  status.classList.add(`kyky-status--${(data.filters.status || [""])[0]}`);
  fill(status, data.meta.status);
  fill(item.querySelector(".kyky-example"), data.meta.example);
  fill(item.querySelector(".kyky-card__summary"), data.meta.summary);
  return item;
}

async function showMore() {
  const next = shownResults.slice(shownCount, shownCount + PAGE_SIZE);
  const data = await Promise.all(next.map((result) => result.data()));
  resultsList.append(...data.map(resultItem));
  shownCount += next.length;
  // The button's paragraph is hidden, because the theme's .md-button sets display.
  moreButton.parentElement.hidden = shownCount >= shownResults.length;
}

// Pressing "show more" moves the focus to the first new result, so that keyboard users
// go on from there and do not lose the focus when the button hides after the last ones.
async function showMoreFromButton() {
  const firstNew = shownCount;
  await showMore();
  const link = resultsList.children[firstNew]?.querySelector("a");
  if (link) link.focus();
}

async function update() {
  try {
    await search();
  } catch (error) {
    showFailure();
    throw error;
  }
}

function showFailure() {
  resultsSection.hidden = false;
  status.textContent = root.dataset.kykyFailed;
  resultsSection.setAttribute("aria-busy", "false");
}

async function search() {
  resultsSection.setAttribute("aria-busy", "true");
  const state = readForm();
  writeAddress(state);
  showChosenCount(state);
  const searchNumber = ++latestSearch;

  if (isUnfiltered(state)) {
    showNoSearch();
    return;
  }
  const counted = filtersLoaded;
  const unmatched = state.query ? await unmatchedWords(state.query) : [];
  const main = unmatched.length ? NO_RESULTS : await pagefindSearch(state, null);
  if (searchNumber !== latestSearch) return;

  noResultsShown = unmatched.length > 0;
  shownResults = main.results;
  shownCount = 0;
  resultsList.replaceChildren();
  await showMore();
  if (searchNumber !== latestSearch) return;
  resultsSection.hidden = false;
  status.textContent = countText(main.results.length);
  countLink.textContent = status.textContent;
  countLink.parentElement.hidden = false;
  const few = Boolean(state.query) && main.results.length < FEW_RESULTS;
  otherLanguageLink.parentElement.hidden = !(few && languageSwitch);
  resultsSection.setAttribute("aria-busy", "false");
  await updateCounts(state, searchNumber, counted ? main : null);
}

// Without a query or a filter there is nothing to narrow down, so no results show; the
// listing of each kind lists all its entries. Pagefind would otherwise fetch a fragment
// per result shown for every visit of the page.
function showNoSearch() {
  shownResults = [];
  shownCount = 0;
  resultsList.replaceChildren();
  resultsSection.hidden = true;
  status.textContent = "";
  countLink.parentElement.hidden = true;
  otherLanguageLink.parentElement.hidden = true;
  showCatalogueCounts();
  resultsSection.setAttribute("aria-busy", "false");
}

function noCounts() {
  return Object.fromEntries(filterNames().map((name) => [name, {}]));
}

function updateSoon() {
  resultsSection.setAttribute("aria-busy", "true");
  window.clearTimeout(typingTimer);
  typingTimer = window.setTimeout(update, TYPING_DELAY_MS);
}

// Open the filters on wide screens, where they sit beside the results, and close them
// on narrow ones, where they would push the results far down.
function fitFiltersToScreen() {
  const wide = window.matchMedia(WIDE_SCREEN);
  filtersBox.open = wide.matches;
  wide.addEventListener("change", (event) => {
    filtersBox.open = event.matches;
  });
}

// Load the counts that were left out while the filters were closed.
function countWhenOpened() {
  filtersBox.addEventListener("toggle", () => {
    if (filtersBox.open && !filtersLoaded && pagefind && !isUnfiltered(readForm())) {
      updateCounts(readForm(), latestSearch, null);
    }
  });
}

async function start() {
  form.hidden = false;
  const initial = readAddress();
  fillForm(initial);
  showChosenCount(initial);
  followInOtherLanguage(queryString(initial));
  fitFiltersToScreen();
  countWhenOpened();
  try {
    pagefind = await import(new URL(root.dataset.kykyBundle, document.baseURI).href);
    await pagefind.options({ noWorker: true });
    await pagefind.init();
  } catch (error) {
    showFailure();
    throw error;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    update();
  });
  queryInput.addEventListener("input", updateSoon);
  for (const fieldset of fieldsets) fieldset.addEventListener("change", update);
  clearButton.addEventListener("click", () => {
    fillForm({ query: queryInput.value, filters: {} });
    update();
  });
  moreButton.addEventListener("click", showMoreFromButton);
  await update();
}

start();
