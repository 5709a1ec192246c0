// The search page: a query and filters run against the language's Pagefind bundle.
//
// The form is in the page's HTML (generator/templates/search.html) and stays hidden
// until this script runs. The query and the chosen filter values are kept in the
// address (?q=…&level=lukio&level=esiopetus), so a filtered view can be linked and a
// reload restores it. Values of one filter combine with OR and filters with AND,
// which is Pagefind's `{filter: {any: [...]}}` form.
//
// Each count next to a filter value is the number of results the value would give
// with the query and the other filters as they are: the value's own filter is left
// out of that search, so choosing a second value of one filter never shows 0.
//
// Entry texts are untrusted, so results are built with textContent only.

const PAGE_SIZE = 20;
const TYPING_DELAY_MS = 250;

const root = document.querySelector("[data-kyky-search]");
const form = root.querySelector("form");
const queryInput = form.querySelector("input[name=q]");
const fieldsets = [...form.querySelectorAll("[data-kyky-filter]")];
const resultsSection = root.querySelector(".kyky-search__results");
const resultsList = root.querySelector("[data-kyky-results]");
const status = root.querySelector("[role=status]");
const moreButton = root.querySelector("[data-kyky-more]");
const clearButton = root.querySelector("[data-kyky-clear]");

let pagefind = null;
let latestSearch = 0;
let shownResults = [];
let shownCount = 0;
let typingTimer = null;

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

function writeAddress(state) {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  for (const name of filterNames()) {
    for (const code of state.filters[name] || []) params.append(name, code);
  }
  const search = params.toString();
  const address = window.location.pathname + (search ? `?${search}` : "");
  if (address !== window.location.pathname + window.location.search) {
    window.history.replaceState(null, "", address);
  }
}

function pagefindFilters(filters, without) {
  const selected = {};
  for (const [name, codes] of Object.entries(filters)) {
    if (name !== without) selected[name] = { any: codes };
  }
  return selected;
}

function pagefindSearch(state, without) {
  const options = { filters: pagefindFilters(state.filters, without) };
  if (!state.query) options.sort = { published: "desc" };
  return pagefind.search(state.query || null, options);
}

// Count, for each filter, the results of each value with the other filters applied.
async function filterCounts(state, main) {
  const counts = {};
  for (const name of filterNames()) {
    const search = name in state.filters ? await pagefindSearch(state, name) : main;
    counts[name] = search.filters[name] || {};
  }
  return counts;
}

function showCounts(counts) {
  for (const name of filterNames()) {
    for (const box of checkboxes(name)) {
      const count = box.parentElement.querySelector(".kyky-search__count");
      count.textContent = `(${counts[name][box.value] || 0})`;
    }
  }
}

function countText(count) {
  if (count === 0) return root.dataset.kykyNoResults;
  if (count === 1) return root.dataset.kykyResultOne;
  return root.dataset.kykyResultMany.replace("{count}", String(count));
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function resultItem(data) {
  const item = element("li", "kyky-card");
  const heading = element("h3", "kyky-card__title");
  const link = element("a", "", data.meta.title);
  link.href = data.url;
  heading.append(link);
  item.append(heading);

  const badges = element("p", "kyky-card__badges");
  const kind = (data.filters.kind || [""])[0];
  badges.append(element("span", `kyky-badge kyky-kind kyky-kind--${kind}`, data.meta.kind));
  if (data.meta.status) {
    const code = (data.filters.status || [""])[0];
    badges.append(" ");
    badges.append(element("span", `kyky-badge kyky-status kyky-status--${code}`, data.meta.status));
  }
  item.append(badges);
  if (data.meta.summary) item.append(element("p", "kyky-card__summary", data.meta.summary));
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

async function update() {
  resultsSection.setAttribute("aria-busy", "true");
  const state = readForm();
  writeAddress(state);
  const searchNumber = ++latestSearch;

  const main = await pagefindSearch(state, null);
  const counts = await filterCounts(state, main);
  if (searchNumber !== latestSearch) return;

  showCounts(counts);
  shownResults = main.results;
  shownCount = 0;
  resultsList.replaceChildren();
  await showMore();
  if (searchNumber !== latestSearch) return;
  resultsSection.hidden = false;
  status.textContent = countText(main.results.length);
  resultsSection.setAttribute("aria-busy", "false");
}

function updateSoon() {
  resultsSection.setAttribute("aria-busy", "true");
  window.clearTimeout(typingTimer);
  typingTimer = window.setTimeout(update, TYPING_DELAY_MS);
}

async function start() {
  form.hidden = false;
  fillForm(readAddress());
  try {
    pagefind = await import(new URL(root.dataset.kykyBundle, document.baseURI).href);
    await pagefind.init();
    // Searches return filter counts only once the filter data has been loaded.
    await pagefind.filters();
  } catch (error) {
    resultsSection.hidden = false;
    status.textContent = root.dataset.kykyFailed;
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
  moreButton.addEventListener("click", showMore);
  await update();
}

start();
