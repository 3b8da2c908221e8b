/* Material's search, started when the reader reaches for it (see overrides/main.html). */
(() => {
  const xhr = XMLHttpRequest.prototype, open = xhr.open, send = xhr.send;
  const RealWorker = window.Worker, held = [];
  let wanted = false;

  const start = () => {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach((resume) => resume());
  };

  // The index: Material requests it with XMLHttpRequest (for its progress bar).
  xhr.open = function (method, url) {
    this.dvIndex = /\/search\/search_index\.json$/.test(url);
    return open.apply(this, arguments);
  };
  xhr.send = function (...args) {
    if (!this.dvIndex || wanted) return send.apply(this, args);
    held.push(() => send.apply(this, args));
  };

  // The worker: a stand-in that Material talks to until the real one starts. Not from
  // file://, where the offline build's worker shim must start with the page.
  if (RealWorker && location.protocol !== "file:") {
    window.Worker = function (url, options) {
      if (!/\/workers\/search\.[\w.]*js$/.test(url)) return new RealWorker(url, options);
      const standIn = new EventTarget(), queue = [];
      let real = null;
      standIn.postMessage = (message) => (real ? real.postMessage(message) : queue.push(message));
      standIn.terminate = () => real?.terminate();
      held.push(() => {
        real = new RealWorker(url, options);
        real.addEventListener("message", (event) =>
          standIn.dispatchEvent(new MessageEvent("message", { data: event.data }))
        );
        queue.splice(0).forEach((message) => real.postMessage(message));
      });
      return standIn;
    };
  }

  // Material focuses the search box on its button and on the "/", "s" and "f" keys.
  addEventListener("focusin", (event) => event.target.closest?.(".md-search") && start(), true);
})();
