// Claim-status filter (contributing/conventions.md): highlight one kind of claim, or hide
// the others. The choice lives in the address (?status=…&hide=others) so links share it,
// and carries over Material's instant navigation (and full loads, via sessionStorage).
// Without JavaScript the filter stays hidden; print always shows everything (CSS).
(() => {
  const KINDS = ["documented", "interpretation", "speculation", "editorial"];
  // Top-level blocks that take the page's default status unless marked otherwise.
  const PASSAGE = "p, ul, ol, dl, blockquote, pre, table, .highlight, .md-typeset__scrollwrap, .admonition, details, .grid";
  const KEY = "divergence.claims";
  let status = null;
  let hide = false;

  const store = (value) => {
    try {
      return value === undefined ? sessionStorage.getItem(KEY) : sessionStorage.setItem(KEY, value);
    } catch {
      return null; // storage disabled: the address alone carries the choice
    }
  };

  // A status in the address wins; without one, the current choice carries over.
  function read() {
    let params = new URLSearchParams(location.search);
    if (!params.has("status")) params = new URLSearchParams(store() || "");
    if (!params.has("status")) return;
    status = KINDS.includes(params.get("status")) ? params.get("status") : null;
    hide = !!status && params.get("hide") === "others";
  }

  function write() {
    const url = new URL(location.href);
    const params = url.searchParams;
    status ? params.set("status", status) : params.delete("status");
    hide ? params.set("hide", "others") : params.delete("hide");
    if (url.href !== location.href) history.replaceState(history.state, "", url);
    store(url.search.slice(1));
  }

  function apply(claims) {
    const article = claims.parentElement;
    const fallback = claims.dataset.divergenceDefaultStatus;
    const passages = [...article.querySelectorAll("[data-divergence-status]")];
    for (const child of article.children) {
      if (child.matches(PASSAGE) && !child.dataset.divergenceStatus) passages.push(child);
    }
    for (const passage of passages) {
      const match = (passage.dataset.divergenceStatus || fallback) === status;
      // A passage holding one of the chosen kind stays, so that the one inside shows.
      const holds = passage.querySelector(`[data-divergence-status="${status}"]`);
      passage.classList.toggle("dv-on", !!status && !hide && match);
      passage.classList.toggle("dv-off", hide && !match && !holds);
    }
    for (const button of claims.querySelectorAll("button")) {
      button.setAttribute("aria-pressed", button.value ? button.value === status : hide);
      if (!button.value) button.disabled = !status;
    }
    write();
  }

  function setUp() {
    read();
    const claims = document.querySelector(".dv-claims");
    if (!claims) return;
    const filter = claims.querySelector(".dv-claims__filter");
    filter.hidden = false;
    filter.open = !!status;
    filter.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button) return;
      if (button.value) status = status === button.value ? null : button.value;
      hide = !!status && (button.value ? hide : !hide);
      apply(claims);
    });
    apply(claims);
  }

  // Material emits document$ for the first page and each page instant navigation loads.
  typeof document$ === "undefined" ? setUp() : document$.subscribe(setUp);
})();
