// Tooltips: a term's definition beside its linked mention, and a footnote's text beside
// its number, on hover and on keyboard focus. Each mention carries its definition as a
// title (so it works without JavaScript, as the browser's own tooltip and the link's
// description for screen readers), and each number links to its note. One shared
// tooltip follows WCAG 1.4.13: it can be hovered without vanishing (links in a note can be
// followed), stays until the pointer or focus leaves, and Escape dismisses it.
//
// Why not Material's content.tooltips and content.footnote.tooltips: they set up a
// tooltip for every element with a title, and for every footnote number, when a page
// loads; hundreds on the long pages, which made the theme's start-up several times slower
// on phones (BENCHMARKS.md). Here nothing runs until the reader points at or focuses a
// term or a number, and one set of listeners on the document serves every page that
// instant navigation swaps in.
(() => {
  const root = document.documentElement;
  const tip = document.createElement("div");
  let shown = null; // the term or footnote number whose tooltip is shown
  let timer = 0; // hides the tooltip a moment after the pointer has left

  // role: ARIA reflection sets the attribute (every current browser).
  Object.assign(tip, {
    id: "dv-tip",
    className: "dv-tip md-typeset",
    hidden: true,
    role: "tooltip",
  });
  // Pointing at the tooltip keeps it open, so its text can be read and its links followed.
  tip.onpointerenter = () => clearTimeout(timer);
  tip.onpointerleave = later;

  // The note a footnote number links to, without its back-links.
  function note(number) {
    // Python-Markdown's note ids (fn:1, fn:key) need no decoding.
    const copy = document.getElementById(number.hash.slice(1))?.cloneNode(true);
    for (const link of copy?.querySelectorAll(".footnote-backref") || []) link.remove();
    return copy?.childNodes;
  }

  function show(trigger) {
    clearTimeout(timer);
    if (trigger === shown) return;
    const text = trigger.title;
    const content = text ? [text] : trigger.matches(".footnote-ref") && note(trigger);
    if (!content?.length) return;
    hide();
    tip.replaceChildren(...content);
    if (text) {
      // The browser would show the title too; it comes back when the tooltip closes.
      trigger.dataset.dvTitle = text;
      trigger.removeAttribute("title");
    }
    trigger.setAttribute("aria-describedby", tip.id);
    // Inside <main>, a landmark; instant navigation replaces it, so put it back each time.
    if (!tip.isConnected) document.querySelector("main").append(tip);
    tip.hidden = false;
    shown = trigger;
    place();
  }

  function hide() {
    clearTimeout(timer);
    if (!shown) return;
    if (shown.dataset.dvTitle) shown.title = shown.dataset.dvTitle;
    delete shown.dataset.dvTitle;
    shown.removeAttribute("aria-describedby");
    tip.hidden = true;
    shown = null;
  }

  // Below the trigger's first line (above it when there is no room), inside the viewport.
  function place() {
    if (!shown) return;
    const line = shown.getClientRects()[0];
    const { offsetWidth: width, offsetHeight: height } = tip;
    const below = line.bottom + height + 8 <= innerHeight || line.top < height + 16;
    tip.style.left = `${Math.max(8, Math.min(line.left, root.clientWidth - width - 8))}px`;
    tip.style.top = `${below ? line.bottom + 8 : line.top - height - 8}px`;
  }

  // A moment to move the pointer onto the tooltip; a focused trigger keeps it.
  function later() {
    clearTimeout(timer);
    timer = setTimeout(() => shown !== document.activeElement && hide(), 200);
  }

  function enter(event) {
    const trigger = event.target.closest?.("a.dv-term, a.footnote-ref");
    if (trigger) show(trigger);
    else if (event.type === "focusin") hide();
    else if (!tip.contains(event.target)) later();
  }

  document.addEventListener("pointerover", (event) => {
    if (event.pointerType !== "touch") enter(event); // a tap follows the link
  });
  document.addEventListener("focusin", enter);
  document.addEventListener("focusout", (event) => event.target === shown && later());
  document.addEventListener("keydown", (event) => event.key === "Escape" && hide());
  // Fixed to the viewport, the tooltip follows its trigger when the page scrolls.
  addEventListener("scroll", place, { passive: true });
  // A page swapped in by instant navigation: the trigger shown is gone.
  window.document$?.subscribe(hide);
})();
