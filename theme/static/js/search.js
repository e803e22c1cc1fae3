// Search with Pagefind's JavaScript API: the only script on the site, loaded by
// the search pages. Pagefind picks the index of the page's <html lang>. The
// query lives in ?q= so a search can be linked, and the header's plain GET
// form (which works without JavaScript) leads here. UI text comes from the
// page's data-* attributes, which the templates fill from the gettext catalog.

const root = document.getElementById("search");
const text = root.dataset;
const form = document.querySelector(".search-form");
const input = document.getElementById("search-query");
const status = root.querySelector(".search-status");
const list = root.querySelector(".search-results");
const filterBox = root.querySelector(".search-filters");
const FILTERS = { principle: text.labelPrinciple, category: text.labelCategory };
const fill = (template, values) => template.replace(/%\((\w+)\)s/g, (_, key) => values[key]);

// The bundle's address may be relative to this page (a local build): a module
// import would read it relative to this script, so make it absolute first.
const bundle = new URL(text.bundle, document.baseURI);
let pagefind;
try {
  pagefind = await import(new URL("pagefind.js", bundle).href);
  // Result URLs start at the main site's root (each language's bundle indexes
  // the whole built site's folder, its own pages only).
  const siteRoot = new URL(text.root, document.baseURI).pathname;
  await pagefind.options({ excerptLength: 24, baseUrl: siteRoot });
} catch (error) {
  // A language with no article yet has no index (warta.indexing): nothing matches.
  const entry = await fetch(new URL("pagefind-entry.json", bundle)).catch(() => null);
  const query = new URLSearchParams(location.search).get("q");
  if (entry && entry.status === 404) {
    status.textContent = query ? fill(text.msgNone, { query }) : "";
  } else {
    status.textContent = text.msgError;
  }
  throw error;
}

function chosenFilters() {
  const chosen = {};
  for (const name of Object.keys(FILTERS)) {
    const values = [...filterBox.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value);
    if (values.length) chosen[name] = { any: values };
  }
  return chosen;
}

async function showFilters() {
  const available = await pagefind.filters();
  const groups = [];
  for (const [name, label] of Object.entries(FILTERS)) {
    const values = Object.keys(available[name] || {}).sort((a, b) => a.localeCompare(b));
    if (!values.length) continue;
    const fieldset = document.createElement("fieldset");
    fieldset.append(Object.assign(document.createElement("legend"), { textContent: label }));
    values.forEach((value, index) => {
      const id = `filter-${name}-${index}`;
      const box = Object.assign(document.createElement("input"), { type: "checkbox", name, value, id });
      box.addEventListener("change", () => {
        countChosen();
        search();
      });
      const labelEl = Object.assign(document.createElement("label"), { htmlFor: id, textContent: value });
      const row = document.createElement("div");
      row.append(box, labelEl);
      fieldset.append(row);
    });
    groups.push(fieldset);
  }
  if (groups.length) {
    filterBox.append(...groups);
    // Open on a wide screen; on a phone the filters wait behind their summary.
    filterBox.open = matchMedia("(min-width: 44rem)").matches;
    filterBox.hidden = false;
  }
}

// The summary says how many filters are chosen, so a closed box does not hide them.
function countChosen() {
  const count = filterBox.querySelectorAll("input:checked").length;
  filterBox.querySelector("summary").textContent = count ? `${text.msgFilters} (${count})` : text.msgFilters;
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "card";
  const title = Object.assign(document.createElement("h2"), { className: "card-title" });
  title.append(Object.assign(document.createElement("a"), { href: data.url, textContent: data.meta.title }));
  item.append(title);
  if (data.meta.image) {
    // The article's lead photo, its smallest version (the templates mark it for Pagefind).
    // Its size is given so the list does not jump as photos arrive; its alt is empty:
    // the title beside it names the result, and a screen reader need not hear both.
    item.classList.add("has-photo");
    const photo = Object.assign(document.createElement("div"), { className: "card-photo" });
    // In a local build the address is relative to the article it was taken from.
    const src = new URL(data.meta.image, new URL(data.url, location.href)).href;
    const img = Object.assign(document.createElement("img"), {
      src, alt: "", loading: "lazy", decoding: "async",
    });
    if (data.meta.image_width) img.width = Number(data.meta.image_width);
    if (data.meta.image_height) img.height = Number(data.meta.image_height);
    photo.append(img);
    item.prepend(photo);
  }
  if (data.meta.date) {
    item.append(Object.assign(document.createElement("p"), { className: "meta", textContent: data.meta.date }));
  }
  const excerpt = document.createElement("p");
  if (data.excerpt.includes("<mark>") || !data.meta.summary) {
    excerpt.innerHTML = data.excerpt; // Pagefind escapes the text; it only adds <mark> around matches
  } else {
    // Nothing matched in the text (the title did, or only filters are chosen): Pagefind
    // would give the text's first words, the event card's facts; the summary reads better.
    excerpt.textContent = data.meta.summary;
  }
  item.append(excerpt);
  return item;
}

let latest = 0;
async function search() {
  const query = input.value.trim();
  const url = new URL(location.href);
  if (query) url.searchParams.set("q", query);
  else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  const filters = chosenFilters();
  if (!query && !Object.keys(filters).length) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  const ticket = ++latest;
  status.textContent = text.msgSearching;
  const found = await pagefind.search(query || null, { filters });
  const results = await Promise.all(found.results.slice(0, 20).map((result) => result.data()));
  if (ticket !== latest) return; // a newer search has started meanwhile
  list.replaceChildren(...results.map(resultItem));
  const count = found.results.length;
  const message = count === 0 ? text.msgNone : count === 1 ? text.msgOne : text.msgMany;
  status.textContent = fill(message, { count, query });
}

let typing;
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(search, 300);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  search();
});

input.value = new URLSearchParams(location.search).get("q") || "";
await showFilters();
if (input.value) await search();
