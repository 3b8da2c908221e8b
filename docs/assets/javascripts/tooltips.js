// Tooltips and previews, on hover, on keyboard focus and on a first tap (a second tap
// follows the link): a term's definition beside its mention, a footnote's text beside its
// number, and what a link to another of the site's pages points at (an event, a source,
// an entry, a section, or the page's title and opening). A mention carries its definition
// as a title (so it works without JavaScript, as the browser's own tooltip and the link's
// description for screen readers): it shows at once. Another page is fetched once, when a
// link to it is first shown. One shared tooltip follows WCAG 1.4.13: it can be hovered
// without vanishing (its links can be followed), stays until the pointer or focus leaves,
// and Escape dismisses it.
//
// Why not Material's content.tooltips, content.footnote.tooltips and
// navigation.instant.preview: they set up a tooltip for every element with a title, every
// footnote number or every link when a page loads; hundreds on the long pages, which made
// the theme's start-up several times slower on phones (BENCHMARKS.md). Its previews also
// drop the terms' titles, have no Escape and nothing on touch, and show an event or a
// source with all those after it. Here nothing runs until the reader points at, focuses
// or taps a link, and one set of listeners on the document serves every page that instant
// navigation swaps in.
(() => {
  // role: ARIA reflection sets the attribute (every current browser).
  const tip = Object.assign(document.createElement("div"), {
    id: "dv-tip",
    className: "dv-tip md-typeset",
    hidden: true,
    role: "tooltip",
  });
  const pages = {}; // address: a promise of that page, parsed
  const HEADING = /^H\d$/;
  // The link whose tooltip is shown (or on its way) and its title, held back meanwhile;
  // the link a first tap showed (a second follows it); whether the last pointer was a
  // finger; and the timer that hides the tooltip a moment after the pointer has left.
  let shown, title, tapped, touch, timer;

  // Pointing at the tooltip keeps it open, so its text can be read and its links followed.
  tip.onpointerenter = () => clearTimeout(timer);
  tip.onpointerleave = later;

  // A term, a footnote number, or a link in the text to another page of the site (not a
  // download, nor read from disk, where pages cannot be fetched); never a link inside the
  // tooltip.
  function find(target) {
    const link = !tip.contains(target) && target.closest?.("article a[href]");
    const page = location.host && link?.host === location.host && link.pathname !== location.pathname;
    return (link?.matches(".dv-term, .footnote-ref") || (page && /\/$|\.html$/.test(link.pathname))) && link;
  }

  // What a link points at: its element (a note, an event, a source), or a heading (the
  // page's title without a fragment) and its first paragraphs, some 150 characters.
  function excerpt(doc, hash) {
    // The site's ids (headings, notes, entries, events, sources) are plain: no decoding.
    let at = doc && (hash ? doc.getElementById(hash.slice(1)) : doc.querySelector("article h1"));
    if (!at) return;
    const box = doc.createElement("div");
    if (HEADING.test(at.tagName)) {
      box.innerHTML = `<p><strong>${at.innerHTML}</strong></p>`;
      for (let size = 0; size < 150 && (at = at.nextElementSibling) && !HEADING.test(at.tagName); ) {
        if (at.matches("p")) size += box.appendChild(at.cloneNode(true)).textContent.length;
      }
    } else box.innerHTML = at.innerHTML;
    // Permalinks, note numbers and back-links mean nothing here; ids must stay unique.
    for (const el of box.querySelectorAll(".headerlink, .footnote-ref, .footnote-backref")) el.remove();
    for (const el of box.querySelectorAll("[id], [href]")) {
      el.removeAttribute("id");
      // Resolved against the page it comes from, before it moves to this one.
      if (el.href) el.href = el.href;
    }
    return box;
  }

  async function show(link) {
    clearTimeout(timer);
    if (link === shown) return;
    hide();
    shown = link;
    let content = (title = link.title);
    // The browser would show the title too; it comes back when the tooltip closes.
    if (title) link.removeAttribute("title");
    else {
      // Another page is parsed with its address as base, so that its links resolve.
      const url = link.href.split("#")[0];
      const parse = (html) => new DOMParser().parseFromString(`<base href="${url}">${html}`, "text/html");
      const doc =
        link.pathname === location.pathname
          ? document
          : await (pages[url] ||= fetch(url).then((response) => response.text()).then(parse, () => null));
      content = excerpt(doc, link.hash);
    }
    if (link !== shown || !content) return;
    tip.replaceChildren(content);
    link.setAttribute("aria-describedby", tip.id);
    // Inside <main>, a landmark; instant navigation replaces it, so put it back each time.
    if (!tip.isConnected) document.querySelector("main").append(tip);
    tip.hidden = false;
    place();
  }

  function hide() {
    clearTimeout(timer);
    if (!shown) return;
    if (title) shown.title = title;
    shown.removeAttribute("aria-describedby");
    tip.hidden = true;
    shown = tapped = null;
  }

  // Below the link's first line (above it when there is no room), inside the viewport.
  function place() {
    if (!shown) return;
    const line = shown.getClientRects()[0];
    const { offsetWidth: width, offsetHeight: height } = tip;
    const below = line.bottom + height + 8 <= innerHeight || line.top < height + 16;
    tip.style.left = Math.max(8, Math.min(line.left, document.documentElement.clientWidth - width - 8)) + "px";
    tip.style.top = (below ? line.bottom + 8 : line.top - height - 8) + "px";
  }

  // A moment to move the pointer onto the tooltip; a focused link keeps it.
  function later() {
    clearTimeout(timer);
    timer = setTimeout(() => shown !== document.activeElement && hide(), 200);
  }

  function enter(event) {
    const link = find(event.target);
    if (link) show(link);
    else if (event.type === "focusin") hide();
    else if (!tip.contains(event.target)) later();
  }

  document.addEventListener("pointerover", (event) => {
    touch = event.pointerType === "touch";
    // A finger on a link waits for the tap (below); elsewhere it closes the tooltip.
    if (!touch || !find(event.target)) enter(event);
  });
  // Captured before Material's instant navigation (on <body>) takes the tap.
  document.addEventListener(
    "click",
    (event) => {
      const link = touch && find(event.target);
      if (!link || link === tapped) return;
      event.preventDefault();
      event.stopPropagation();
      show(link);
      tapped = link;
    },
    true,
  );
  document.addEventListener("focusin", enter);
  document.addEventListener("focusout", (event) => event.target === shown && later());
  document.addEventListener("keydown", (event) => {
    touch = false;
    if (event.key === "Escape") hide();
  });
  // Fixed to the viewport, the tooltip follows its link when the page scrolls.
  addEventListener("scroll", place, { passive: true });
  // A page swapped in by instant navigation: the link shown is gone.
  window.document$?.subscribe(hide);
})();
