// After Material's instant navigation swaps in a new page, focus would stay on <body> and a
// screen reader would hear nothing: move focus to the new page's heading (to the linked
// element when the address has a #fragment), without scrolling (Material restores or sets
// the position), and announce the new title in a polite live region. The first page load
// is the browser's: focus is left alone there.
// Also on every page: Material puts each code block's copy button in a <nav>, so a page
// with two code blocks (every page's "Cite this page") has two unnamed navigation
// landmarks for what is not navigation (axe: landmark-unique); no template renders it.
(() => {
  let status; // the live region, added on the first page so it exists before a change

  window.document$?.subscribe(() => {
    for (const nav of document.querySelectorAll(".md-code__nav")) nav.setAttribute("role", "none");
    if (!status) {
      status = Object.assign(document.createElement("div"), { id: "dv-status", role: "status" });
      return document.body.append(status);
    }
    const target = document.getElementById(location.hash.slice(1)) || document.querySelector("article h1");
    // A heading takes focus from script only; no Tab stop is added.
    if (target?.tabIndex < 0) target.tabIndex = -1;
    target?.focus({ preventScroll: true });
    status.textContent = document.title;
  });
})();
