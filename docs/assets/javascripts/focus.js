// After Material's instant navigation swaps in a new page, focus would stay on <body> and a
// screen reader would hear nothing: move focus to the new page's heading (to the linked
// element when the address has a #fragment), without scrolling (Material restores or sets
// the position), and announce the new title in a polite live region. The first page load
// is the browser's: focus is left alone there.
(() => {
  let status; // the live region, added on the first page so it exists before a change

  window.document$?.subscribe(() => {
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
