// Definitions of glossary terms and people, shown beside their linked mentions on hover
// and on keyboard focus. Each mention carries its definition as a title (so it works
// without JavaScript, as the browser's own tooltip and the link's description for screen
// readers); this script replaces that with one shared tooltip that follows WCAG 1.4.13:
// it can be hovered without vanishing, stays until the pointer or focus leaves, and
// Escape dismisses it (and Material's footnote tooltips too).
//
// Why not Material's content.tooltips: it sets up a tooltip for every element with a title
// when a page loads, hundreds on the long pages, which made the theme's start-up several
// times slower on phones (BENCHMARKS.md). Here nothing runs until the reader points at or
// focuses a term, and one set of listeners on the document serves every page that
// instant navigation swaps in.
(() => {
  const root = document.documentElement;
  const tip = document.createElement("div");
  let shown = null; // the term whose definition is shown
  let timer = 0; // hides the tooltip a moment after the pointer has left

  Object.assign(tip, { id: "dv-tip", className: "dv-tip", hidden: true });
  tip.setAttribute("role", "tooltip");
  // Pointing at the tooltip keeps it open, so its text can be read and selected.
  tip.onpointerenter = () => clearTimeout(timer);
  tip.onpointerleave = later;

  function show(term) {
    clearTimeout(timer);
    if (term === shown || !term.title) return;
    hide();
    // The browser would show the title too; it comes back when the tooltip closes.
    tip.textContent = term.dataset.dvTitle = term.title;
    term.removeAttribute("title");
    term.setAttribute("aria-describedby", tip.id);
    // Inside <main>, a landmark; instant navigation replaces it, so put it back each time.
    if (!tip.isConnected) (document.querySelector("main") || document.body).append(tip);
    tip.hidden = false;
    shown = term;
    place();
  }

  // Below the term's first line (above it when there is no room), inside the viewport.
  function place() {
    if (!shown) return;
    const line = shown.getClientRects()[0];
    const { offsetWidth: width, offsetHeight: height } = tip;
    const below = line.bottom + height + 8 <= innerHeight || line.top < height + 16;
    tip.style.left = `${Math.max(8, Math.min(line.left, root.clientWidth - width - 8))}px`;
    tip.style.top = `${below ? line.bottom + 8 : line.top - height - 8}px`;
  }

  function hide() {
    clearTimeout(timer);
    if (!shown) return;
    shown.title = shown.dataset.dvTitle;
    shown.removeAttribute("aria-describedby");
    tip.hidden = true;
    shown = null;
  }

  // A moment to move the pointer onto the tooltip; a focused term keeps it.
  function later() {
    clearTimeout(timer);
    timer = setTimeout(() => shown !== document.activeElement && hide(), 200);
  }

  function enter(event) {
    root.classList.remove("dv-tips-dismissed");
    const term = event.target.closest?.("a.dv-term");
    if (term) show(term);
    else if (event.type === "focusin") hide();
    else if (!tip.contains(event.target)) later();
  }

  document.addEventListener("pointerover", (event) => {
    if (event.pointerType !== "touch") enter(event); // a tap follows the link to the entry
  });
  document.addEventListener("focusin", enter);
  document.addEventListener("focusout", (event) => event.target === shown && later());
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    hide();
    // Material's footnote tooltips stay hidden until the pointer or focus moves on.
    root.classList.add("dv-tips-dismissed");
  });
  // Fixed to the viewport, the tooltip follows its term when the page scrolls.
  addEventListener("scroll", place, { passive: true });
  addEventListener("resize", place, { passive: true });
  // Material's footnote tooltips are dialogs without a name: name each as it opens.
  new MutationObserver(() => {
    for (const note of document.querySelectorAll(".md-tooltip2[role=dialog]:not([aria-label])")) {
      note.setAttribute("aria-label", "Footnote");
    }
  }).observe(document.body, { childList: true });
  // A page swapped in by instant navigation: the term shown is gone.
  window.document$?.subscribe(hide);
})();
